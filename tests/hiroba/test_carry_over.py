"""相談先さがし → 相談受付: the topic and address already given carry over; the desk's phone is a tel: link."""

import re

from django.urls import reverse

from community.models import Area


def test_the_finder_links_to_the_request_with_what_was_asked(client):
    response = client.get(reverse("hiroba:finder"), {"topic": "elderly", "address": "石神井町3-5-1"})
    body = response.content.decode()
    assert reverse("hiroba:request_create") + "?topic=elderly&amp;address=" in body


def test_the_request_form_starts_from_the_topic_and_address(client):
    response = client.get(reverse("hiroba:request_create"), {"topic": "elderly", "address": "石神井町3-5-1"})
    form = response.context["form"]
    assert form["topic"].value() == "elderly"
    assert form["area"].value() == Area.objects.get(slug="shakujii").pk
    assert form["message"].value().startswith("住所（町名・丁目）: 石神井町3丁目")
    radio = re.search(r'<input type="radio" name="topic" value="elderly"[^>]*>', response.content.decode()).group(0)
    assert "checked" in radio


def test_unknown_values_are_ignored(client):
    response = client.get(reverse("hiroba:request_create"), {"topic": "nonsense", "address": "千代田区", "area": "x"})
    form = response.context["form"]
    assert form["topic"].value() is None and form["area"].value() is None and not form["message"].value()


def test_the_main_desks_phone_is_a_tel_link(client, ward_desk):
    body = client.get(reverse("hiroba:request_create")).content.decode()
    assert 'href="tel:03-3993-1111"' in body
