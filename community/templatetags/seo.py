"""Machine-readable page facts: {{ session|event_jsonld:request }} and {{ place|place_jsonld:request }}."""

from django import template

from community import jsonld

register = template.Library()


@register.filter
def event_jsonld(session, request):
    return jsonld.script(jsonld.event_data(session, url=request.build_absolute_uri(request.path)))


@register.filter
def place_jsonld(place, request):
    return jsonld.script(jsonld.place_page_data(place, url=request.build_absolute_uri(request.path)))
