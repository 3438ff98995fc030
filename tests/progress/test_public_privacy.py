"""A privacy crawl of 「計画の進み具合」: every year, every area, every CSV — no name, phone or free text of a person."""

import datetime as dt
import re
from html.parser import HTMLParser

from django.urls import reverse

from community.models import SignUp
from progress.forms.years import PublicFilterForm
from volunteers.models import CollaboratorRegistration, Commissioner, JoinInquiry

SECRET = "ひみつ"
PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{3,4}")
WARD_MAIN_NUMBER = "03-3993-1111"  # the footer's ward office number, the only phone a page may show


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/progress/"):
            self.found.append(href.replace("&amp;", "&"))


def _personal_data(world):
    """Every kind of personal record, each carrying SECRET in its name, text or phone."""
    from tests.progress.conftest import FIRST, session

    held = session(world.cafe, FIRST.replace(hour=14))
    SignUp.objects.create(session=held, name=f"{SECRET} 申込者", phone="090-1111-2222", note=f"{SECRET}のメモ",
                          status="confirmed", checked_in_at=FIRST)
    association = JoinInquiry.objects.first().association
    JoinInquiry.objects.create(association=association, name=f"{SECRET} 加入希望", phone="090-3333-4444",
                               message=f"{SECRET}の問い合わせ", created_at=FIRST, outcome="joined")
    district = Commissioner.objects.first().district
    Commissioner.objects.create(full_name=f"{SECRET} 委員", full_name_kana="ひみつ", phone="090-5555-6666",
                                district=district, note=f"{SECRET}のメモ", term_start=dt.date(2025, 12, 1),
                                term_end=dt.date(2028, 11, 30))
    registration = CollaboratorRegistration.objects.first()
    registration.message, registration.phone = f"{SECRET}のひとこと", "090-7777-8888"
    registration.save()


def test_no_page_or_file_of_the_public_progress_shows_a_person(client, world):
    _personal_data(world)
    years = [value for value, _label in PublicFilterForm().fields["year"].choices]
    areas = [""] + [choice.value for choice, _label in list(PublicFilterForm().fields["area"].choices)[1:]]
    seen = 0
    for year in years:
        for area in areas:
            page = client.get(reverse("progress:index"), {"year": year, "area": area})
            assert page.status_code == 200
            texts = [page.content.decode()]
            links = Links()
            links.feed(texts[0])
            for href in links.found:
                if ".csv" in href:
                    texts.append(client.get(href).content.decode())
            for text in texts:
                seen += 1
                assert SECRET not in text
                assert set(PHONE.findall(text)) <= {WARD_MAIN_NUMBER}
    assert seen >= len(years) * len(areas) * 13  # each page and its 12 section files were read
