"""{% per_language %}: the page frame's fixed parts, rendered once per language and process, never per visitor."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils import translation

from community.templatetags import per_language

FRAME = "{% load i18n per_language %}{% per_language %}<a href=\"{% url 'calendar' %}\">{% translate 'ホーム' %}</a>" \
        "[{{ who }}]{% endper_language %}"


def render(template: Template, language: str, **context) -> str:
    with translation.override(language):
        return template.render(Context(context))


def test_each_language_gets_its_own_links_and_words():
    template = Template(FRAME)
    assert render(template, "ja").startswith(f'<a href="{reverse("calendar")}">ホーム</a>')
    english = render(template, "en")
    assert english.startswith('<a href="/en/calendar/">Home</a>')
    assert render(template, "ja").startswith('<a href="/calendar/">')


def test_what_the_page_or_the_visitor_brings_stays_out():
    # The part is rendered without the page's variables, so nothing of one visitor is kept for the next.
    template = Template(FRAME)
    assert render(template, "ja", who="alice").endswith("[]")
    assert render(template, "ja", who="bob").endswith("[]")


def test_it_is_rendered_once_per_language(monkeypatch):
    template = Template(FRAME)
    render(template, "ja")
    node = template.nodelist.get_nodes_by_type(per_language.PerLanguageNode)[0]
    monkeypatch.setattr(node.nodelist, "render", lambda context: pytest.fail("rendered again"))
    assert "ホーム" in render(template, "ja")


def test_a_settings_change_renders_it_afresh(settings):
    template = Template(FRAME)
    render(template, "ja")
    settings.STATIC_URL = "/assets/"  # any setting: tests and reloads must not keep an old frame
    node = template.nodelist.get_nodes_by_type(per_language.PerLanguageNode)[0]
    assert len(node.rendered) == 1
    render(template, "ja")
    assert len(node.rendered) == 2


def test_a_block_inside_is_refused():
    with pytest.raises(TemplateSyntaxError, match="block"):
        Template("{% load per_language %}{% per_language %}{% block x %}{% endblock %}{% endper_language %}")


def test_the_site_frame_is_the_same_for_every_visitor_but_the_switches_follow_the_page(client, resident):
    # The header's links and the footer come from the frame; the text-size and language forms return to the page.
    first = client.get(reverse("calendar")).content.decode()
    assert f'href="{reverse("account_login")}"' in first
    client.force_login(resident)
    signed_in = client.get(reverse("search")).content.decode()
    assert f'href="{reverse("account_login")}"' not in signed_in
    assert f'name="next" value="{reverse("search")}"' in signed_in
    assert f'<a href="{reverse("calendar")}">' in signed_in
