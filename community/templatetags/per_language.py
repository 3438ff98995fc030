"""Parts of the page frame that are the same on every page in one language, rendered once per language and process.

    {% load per_language %}
    {% per_language %}<nav>… {% url 'calendar' %} … {% translate "ホーム" %} …</nav>{% endper_language %}

The header's links, the footer and the <head>'s icons are a few dozen {% url %}, {% translate %} and {% static %}
tags that every request rendered again for the same result (about a millisecond a page). What such a part shows
may depend on the active language and on nothing else: it is rendered in an empty context (`Context.new()`: no
request, no user, no page variables), so a variable used inside comes out empty and shows in the page's tests at
once instead of being frozen for every visitor. URLs also follow the script prefix, which is part of the key, and
any settings change (tests) starts afresh.
"""

from django import template
from django.core.signals import setting_changed
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()
_generation = [0]


def _forget(**kwargs) -> None:
    _generation[0] += 1


setting_changed.connect(_forget)


class PerLanguageNode(template.Node):
    # Its insides hold no {% block %} (refused below), so the walk {% extends %} makes over base.html for blocks on
    # every render need not go through them: a third of the frame's nodes are in here.
    child_nodelists = ()

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.rendered: dict[tuple, str] = {}

    def render(self, context) -> str:
        key = (get_language(), get_script_prefix(), _generation[0])
        html = self.rendered.get(key)
        if html is None:
            html = self.nodelist.render(context.new())
            self.rendered[key] = html
        return mark_safe(html)  # noqa: S308 (rendered by our own template, escaped then)


@register.tag
def per_language(parser, token):
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        # A child template's block would be frozen with the first page that rendered it.
        raise template.TemplateSyntaxError("{% per_language %} cannot hold a {% block %}")
    return PerLanguageNode(nodelist)
