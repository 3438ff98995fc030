"""Public places and sessions (and one of each that must stay out: a draft listing and a sign-up's person)."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from cafes.models import CareCafe, KidsCafe
from community.models import PublicationStatus, SignUp
from hiroba.models import Plaza
from tests.conftest import make_listing, make_organization, make_place, make_session

PUBLISHED = PublicationStatus.PUBLISHED


@pytest.fixture
def public_data(db):
    d = SimpleNamespace()
    org = make_organization("オープンデータの会", kind="npo", contact_phone="03-0000-1234", name_kana="おーぷん")
    d.org = org
    # One place with its own surveyed point, one that falls back to its 丁目's representative point.
    d.surveyed = make_place("測量した会館", latitude=Decimal("35.735000"), longitude=Decimal("139.651000"),
                            wheelchair_accessible=True, has_accessible_toilet=True)
    d.fallback = make_place("代表点の集会所", town="東大泉", number=1, building="2階")
    d.cafe = CareCafe.objects.create(organization=org, title="ひだまりカフェ", title_kana="ひだまりかふぇ", cafe_type="ward",
                                     place=d.surveyed, summary="体操とお茶", status=PUBLISHED)
    d.plaza = Plaza.objects.create(organization=org, title="いこいのひろば", title_kana="いこいのひろば", place=d.fallback,
                                   hours_text="毎週火曜 10:00–15:00", status=PUBLISHED)
    d.kids = KidsCafe.objects.create(organization=org, title="こどもカフェ ぽかぽか", title_kana="こどもかふぇぽかぽか",
                                     place=d.fallback, age_min=0, age_max=2, status=PUBLISHED)
    d.travelling = CareCafe.objects.create(organization=org, title="出張カフェ", title_kana="しゅっちょう",
                                           cafe_type="travelling", status=PUBLISHED)  # no address: not a facility row
    d.draft = make_listing(org, title="下書きの催し", place=d.surveyed, status=PublicationStatus.DRAFT)
    d.session = make_session(d.cafe, days=3, capacity=20, fee_text="無料")
    d.session.signup_closes_at = d.session.starts_at - dt.timedelta(days=1)
    d.session.save(update_fields=["signup_closes_at"])
    d.plaza_session = make_session(d.plaza, days=5, title="秋の交流会", signup_required=False)
    d.cancelled = make_session(d.cafe, days=10, is_cancelled=True, cancel_reason="台風のため")
    d.hidden = make_session(d.draft, days=4)
    d.past = make_session(d.cafe, days=-3)
    d.far = make_session(d.cafe, days=120)
    SignUp.objects.create(session=d.session, name="個人 情報子", phone="090-9999-0000", note="アレルギーあり",
                          status="confirmed", created_at=timezone.now())
    return d
