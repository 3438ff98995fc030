"""Render a form field so that assistive technology reads its help text and its errors with it."""

from django import template

from community.i18n.marks import mark_form_controls

register = template.Library()


def describedby_ids(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.simple_tag
def field_widget(field):
    """The widget with aria-describedby pointing at its help text and error list (aria-invalid comes from Django)."""
    ids = describedby_ids(field)
    widget_attrs = field.field.widget.attrs
    if widget_attrs.get("placeholder") and str(widget_attrs["placeholder"]) == str(field.label):
        # A placeholder repeating the visible label is noise (and vanishes while typing); the form owns its copy.
        del widget_attrs["placeholder"]
    # A group's fieldset carries the description; repeating it on every option would be noise.
    grouped = field.widget_type in ("checkboxselectmultiple", "radioselect")
    attrs = {"aria-describedby": ids} if ids and not grouped else {}
    return mark_form_controls(field.as_widget(attrs=attrs))


@register.filter
def describedby(field) -> str:
    return describedby_ids(field)


@register.filter
def fields_with_errors(form) -> list:
    """Visible fields that have errors, for the summary at the top of a form."""
    return [field for field in form.visible_fields() if field.errors]
