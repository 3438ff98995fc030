"""相談先さがし: turn a few plain answers into places and desks, nearest and best-fitting first.

Nearness: the same 町丁目 > the same 町名 > the same 地域 > ward-wide. A support centre or commissioner
district that covers the resident's 丁目 counts as the same 町丁目. Within one nearness, better fit first.
Each answer carries the reasons it is shown, in words a resident understands.
"""

from dataclasses import dataclass, field
from enum import IntEnum

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from cafes.queries import health_consultation_cafes
from hiroba.models import ConsultationDesk, ContactWay, Plaza, Topic
from hiroba.models.topics import TOPIC_ACTIVITIES, Activity
from hiroba.queries import support_center_for_chome, support_centers_for_area
from international.queries import consultation_desks
from volunteers.queries import district_for_chome

PLAZA_LIMIT = 6
CAFE_LIMIT = 4
# The commissioner district and the support centre answer life, care and family matters.
COMMISSIONER_TOPICS = {Topic.CHILDCARE, Topic.ELDERLY, Topic.DISABILITY, Topic.LIVING, Topic.OTHER}
CAFE_TOPICS = {Topic.ELDERLY: 3, Topic.DISABILITY: 1, Topic.OTHER: 1}


class Nearness(IntEnum):
    CHOME = 0
    TOWN = 1
    AREA = 2
    WARD = 3


@dataclass
class Question:
    topic: str
    area: object = None
    town: object = None
    chome: object = None
    ways: frozenset = frozenset(ContactWay.values)
    language: str = "ja"

    @property
    def topic_label(self) -> str:
        return Topic(self.topic).label

    @property
    def foreign_language(self) -> bool:
        return self.language not in ("", "ja")


@dataclass
class Answer:
    kind: str
    kind_label: str
    title: str
    nearness: Nearness
    fit: int
    reasons: list[str] = field(default_factory=list)
    url: str = ""
    address: str = ""
    phone: str = ""
    hours: str = ""
    # Set when the phone is the ward's desk standing in for a place that publishes no number.
    phone_is_fallback: bool = False
    details: list[tuple[str, str]] = field(default_factory=list)

    @property
    def sort_key(self):
        return (self.nearness, -self.fit, self.title)


def _place_nearness(chome, question: Question) -> Nearness:
    if chome is None:
        return Nearness.WARD
    if question.chome is not None and chome.pk == question.chome.pk:
        return Nearness.CHOME
    if question.town is not None and chome.town_id == question.town.pk:
        return Nearness.TOWN
    if question.area is not None and chome.town.area_id == question.area.pk:
        return Nearness.AREA
    return Nearness.WARD


def _nearness_reason(nearness: Nearness, chome, question: Question) -> str:
    if nearness == Nearness.CHOME:
        return _("お住まいと同じ%(place)sにあります。") % {"place": chome}
    if nearness == Nearness.TOWN:
        return _("お住まいと同じ%(town)sにあります。") % {"town": chome.town.name}
    if nearness == Nearness.AREA:
        return _("お住まいと同じ%(area)s地域にあります。") % {"area": question.area.name}
    return _("区内のどこにお住まいでも利用できます。")


def _ways_reason(ways_offered: set[str], question: Question) -> str | None:
    """None when none of the ways the resident asked for is offered."""
    common = [ContactWay(w).label for w in ContactWay.values if w in ways_offered and w in question.ways]
    if not common:
        return None
    return _("ご希望の話し方（%(ways)s）で相談できます。") % {"ways": "・".join(str(label) for label in common)}


def plaza_answers(question: Question) -> list[Answer]:
    wanted = TOPIC_ACTIVITIES[question.topic]
    plazas = (
        Plaza.objects.published().for_list().currently_open().offering(wanted | {Activity.CHAT})
        .select_related("organization__area")
    )
    # Nearness in the database, so only the best few rows are read even when there are many plazas.
    whens = []
    if question.chome is not None:
        whens.append(When(place__chome=question.chome, then=Value(int(Nearness.CHOME))))
    if question.town is not None:
        whens.append(When(place__chome__town=question.town, then=Value(int(Nearness.TOWN))))
    if question.area is not None:
        whens.append(When(place__chome__town__area=question.area, then=Value(int(Nearness.AREA))))
    plazas = plazas.annotate(
        nearness=Case(*whens, default=Value(int(Nearness.WARD)), output_field=IntegerField())
    ).order_by("nearness", "title_kana")[: PLAZA_LIMIT * 5]
    answers = []
    for plaza in plazas:
        offered = {ContactWay.VISIT} | ({ContactWay.PHONE} if plaza.phone else set())
        offered |= {ContactWay.ONLINE} if plaza.offers_online else set()
        ways = _ways_reason(offered, question)
        if ways is None:
            continue
        activities = set(plaza.activity_values)
        matched = activities & wanted
        if question.foreign_language and question.language not in plaza.languages:
            if question.topic == Topic.FOREIGN:
                continue
        chome = plaza.place.chome if plaza.place else None
        nearness = _place_nearness(chome, question)
        reasons = [_nearness_reason(nearness, chome, question)]
        if matched:
            fit = 3
            reasons.append(_("「%(topic)s」の相談を受けています。") % {"topic": Topic(question.topic).label})
        else:
            fit = 1
            reasons.append(_("どんなことでも、おしゃべりから気軽に話せるひろばです。"))
        if question.foreign_language and question.language in plaza.languages:
            fit += 2
            reasons.append(_("ご希望の言語で話せます。"))
        reasons.append(ways)
        contact = plaza.contact
        answers.append(Answer(
            kind="plaza", kind_label=_("相談情報ひろば"), title=plaza.title, nearness=nearness, fit=fit,
            reasons=reasons, url=plaza.get_absolute_url(),
            address=plaza.place.address if plaza.place else "", phone=contact.phone if contact else "",
            phone_is_fallback=bool(contact and contact.is_fallback), hours=plaza.hours_text,
        ))
    answers.sort(key=lambda a: a.sort_key)
    return answers[:PLAZA_LIMIT]


def cafe_answers(question: Question) -> list[Answer]:
    fit = CAFE_TOPICS.get(question.topic)
    if fit is None or ContactWay.VISIT not in question.ways:
        return []
    answers = []
    for cafe in health_consultation_cafes(area=question.area).select_related("organization__area")[: CAFE_LIMIT * 5]:
        chome = cafe.place.chome if cafe.place else None
        nearness = _place_nearness(chome, question)
        answers.append(Answer(
            kind="cafe", kind_label=_("街かどケアカフェ（健康相談）"), title=cafe.title, nearness=nearness, fit=fit,
            reasons=[
                _nearness_reason(nearness, chome, question),
                _("看護師などに健康のことを気軽に相談できるカフェです。"),
            ],
            url=cafe.get_absolute_url(), address=cafe.place.address if cafe.place else "",
            phone=cafe.contact.phone if cafe.contact else "", phone_is_fallback=bool(cafe.contact and cafe.contact.is_fallback),
        ))
    answers.sort(key=lambda a: a.sort_key)
    return answers[:CAFE_LIMIT]


def support_center_answers(question: Question) -> list[Answer]:
    if question.topic not in (Topic.ELDERLY, Topic.DISABILITY):
        return []
    fit = 3 if question.topic == Topic.ELDERLY else 1
    why = _("介護や高齢の方の暮らしの相談を受ける、区の地域包括支援センターです。")

    def answer(center, nearness, reason):
        contact = center.contact
        return Answer(
            kind="support_center", kind_label=_("地域包括支援センター"), title=center.name, nearness=nearness,
            fit=fit, reasons=[reason, why], url=center.get_absolute_url(), address=center.address,
            phone=contact.phone if contact else "", hours=contact.hours if contact else "",
            phone_is_fallback=bool(contact and contact.is_fallback),
        )

    if question.chome is not None:
        center = support_center_for_chome(question.chome)
        if center is not None:
            return [answer(center, Nearness.CHOME,
                           _("お住まいの%(place)sを担当するセンターです。") % {"place": question.chome})]
    if question.area is not None:
        reason = _("%(area)s地域を担当するセンターの一つです。住所を入れると担当のセンターが1か所にしぼれます。") % {
            "area": question.area.name
        }
        return [answer(center, Nearness.AREA, reason) for center in support_centers_for_area(question.area)]
    return []


def commissioner_answers(question: Question) -> list[Answer]:
    if question.topic not in COMMISSIONER_TOPICS or question.chome is None:
        return []
    district = district_for_chome(question.chome)
    if district is None or ContactWay.PHONE not in question.ways and ContactWay.VISIT not in question.ways:
        return []
    return [Answer(
        kind="commissioner", kind_label=_("民生・児童委員"), title=district.name, nearness=Nearness.CHOME, fit=2,
        reasons=[
            _("お住まいの%(place)sを担当する地区です。") % {"place": question.chome},
            _("民生・児童委員は、地域で暮らしや子育ての相談にのるボランティアです。区の窓口を通して連絡できます。"),
        ],
        url=district.contact_form_url, phone=district.contact_phone, hours=district.contact_hours,
        details=[(_("連絡の窓口"), district.contact_office)],
    )]


def foreign_desk_answers(question: Question) -> list[Answer]:
    if question.topic != Topic.FOREIGN and not question.foreign_language:
        return []
    language = question.language if question.foreign_language else None
    answers = []
    for desk in consultation_desks(language=language):
        chome = desk.place.chome if desk.place else None
        nearness = _place_nearness(chome, question)
        days = [
            (f"{row['label']}（{row['local_name']}）" if row["local_name"] else str(row["label"]),
             "、".join(f"{day.get_weekday_display()} {day.times}" for day in row["days"]))
            for row in desk.days_by_language()
        ]
        reasons = [_nearness_reason(nearness, chome, question),
                   _("日本語以外の言語で、暮らしのことを相談できる窓口です。")]
        if language:
            reasons.append(_("ご希望の言語の日があります（下の表をご覧ください）。"))
        answers.append(Answer(
            kind="foreign_desk", kind_label=_("外国人相談窓口"), title=desk.name, nearness=nearness,
            fit=3 if question.topic == Topic.FOREIGN or language else 1, reasons=reasons,
            url=desk.get_absolute_url(), address=desk.place.address if desk.place else desk.location_note,
            phone=desk.phone, hours=desk.hours_text, details=days,
        ))
    return answers


def ward_desk_answers(question: Question) -> list[Answer]:
    answers = []
    for desk in ConsultationDesk.objects.active().for_area(question.area):
        if question.topic not in desk.topics:
            continue
        offered = {w for w, on in ((ContactWay.VISIT, desk.offers_visit), (ContactWay.PHONE, desk.offers_phone),
                                   (ContactWay.ONLINE, desk.offers_online)) if on}
        ways = _ways_reason(offered, question)
        if ways is None:
            continue
        nearness = Nearness.AREA if desk.area_id else Nearness.WARD
        reasons = [
            _("%(area)s地域を担当する区の窓口です。") % {"area": desk.area.name} if desk.area_id
            else _("区全体の相談を受ける区の窓口です。"),
            _("「%(topic)s」の相談を受けています。") % {"topic": Topic(question.topic).label},
            ways,
        ]
        fit = 2
        if question.foreign_language and question.language in desk.languages:
            fit += 2
            reasons.append(_("ご希望の言語で話せます。"))
        answers.append(Answer(
            kind="ward_desk", kind_label=desk.get_kind_display(), title=desk.name, nearness=nearness, fit=fit,
            reasons=reasons, address=desk.address, phone=desk.phone, hours=desk.hours_text,
        ))
    return answers


def find_answers(question: Question) -> list[Answer]:
    """Every kind of answer for the question, nearest and best-fitting first."""
    answers = [
        *plaza_answers(question),
        *cafe_answers(question),
        *support_center_answers(question),
        *commissioner_answers(question),
        *foreign_desk_answers(question),
        *ward_desk_answers(question),
    ]
    return sorted(answers, key=lambda a: a.sort_key)
