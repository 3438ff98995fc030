"""{% staff_todo as rows %}: the to-do rows (community/todo.py) the signed-in clerk may see, for the admin index."""

from django import template

from community.todo import todo_rows_for

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_todo(context):
    request = context.get("request")
    return todo_rows_for(request.user) if request is not None else []
