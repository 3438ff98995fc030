"""Yearly figures of 施策1's 関連する取組 for foreign residents: Japanese classes, the desks' language days,
exchange events, and who came (区内/区外)."""

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from community import figures
from community.models import Session
from international.models import DeskLanguageDay, ExchangeEvent, JapaneseClass
from international.models.languages import SupportLanguage

AREA = Coalesce("place__chome__town__area", "organization__area")


def japanese_class_tables(fiscal_year) -> list[figures.Table]:
    labels = dict(JapaneseClass.RunBy.choices)
    learner_labels = dict(JapaneseClass.Learners.choices)
    published = JapaneseClass.objects.published().filter(
        Q(published_at__lt=fiscal_year.ends_at) | Q(published_at__isnull=True)
    )
    rows = published.annotate(area=AREA).order_by().values("run_by", "learners", "area").annotate(n=Count("pk"))
    counts: dict = {}
    for row in rows:
        for label in (str(labels[row["run_by"]]), _("うち %(who)s向け") % {"who": learner_labels[row["learners"]]}):
            counts[(label, row["area"])] = counts.get((label, row["area"]), 0) + row["n"]
    row_labels = [str(label) for label in labels.values()] + [
        _("うち %(who)s向け") % {"who": label} for label in learner_labels.values()
    ]
    classes = figures.grid("japanese_classes", _("日本語教室の数（運営の形・地域別）"), row_labels, counts,
                           first_column=_("項目"), unit=_("教室"),
                           note=_("年度末までにポータルで公開された教室です。"))
    sessions = Session.objects.filter(listing__in=JapaneseClass.objects.all())
    return [
        classes,
        figures.session_table("japanese_class_sessions", _("日本語教室の開催と参加者"), sessions, fiscal_year),
        figures.breakdown_table("japanese_class_residence", _("日本語教室の参加者（区内・区外）"), sessions, fiscal_year,
                                residence=True),
    ]


def desk_tables(fiscal_year) -> list[figures.Table]:
    labels = dict(SupportLanguage.choices)
    days = dict(DeskLanguageDay.objects.filter(desk__is_active=True).values_list("language")
                .annotate(n=Count("pk")).order_by())
    table = figures.Table(
        key="desk_languages", title=_("外国人相談窓口の言語（1週間に対応する日数）"), columns=[_("言語"), _("窓口の対応日（週）")],
        rows=[[str(labels[code]), n] for code, n in sorted(days.items(), key=lambda item: -item[1])], unit=_("日"),
        note=_("集計した時点で受け付けている窓口の、言語ごとの対応日の数（窓口ごとの合計）です。"),
    )
    return [table]


def exchange_tables(fiscal_year) -> list[figures.Table]:
    labels = dict(ExchangeEvent.Category.choices)
    sessions = Session.objects.filter(listing__in=ExchangeEvent.objects.all())
    held = dict(figures.held_sessions(sessions, fiscal_year).order_by()
                .values_list("listing__exchangeevent__category").annotate(n=Count("pk")))
    kinds = figures.Table(
        key="exchange_kinds", title=_("多文化交流の催し（種類別の開催回数）"), columns=[_("種類"), _("開催回数")],
        rows=[[str(label), held.get(code, 0)] for code, label in labels.items()], unit=_("回"),
    )
    return [
        kinds,
        figures.session_table("exchange_sessions", _("多文化交流の催しの開催と参加者"), sessions, fiscal_year),
        figures.breakdown_table("exchange_residence", _("多文化交流の催しの参加者（区内・区外）"), sessions, fiscal_year,
                                residence=True),
    ]
