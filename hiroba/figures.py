"""Yearly figures of 重点取組2 (3): 相談情報ひろば by area, their events, the ward's subsidy, and consultation
requests counted by topic (the content of a consultation is never counted or shown)."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from community import figures
from community.models import Session
from hiroba.models import ConsultationRequest, Plaza, PlazaSubsidy
from hiroba.models.topics import Topic

AREA = Coalesce("place__chome__town__area", "organization__area")


def _plaza_counts(fiscal_year, label) -> dict:
    rows = (Plaza.objects.published().open_in_fiscal_year(fiscal_year.year).annotate(area=AREA).order_by()
            .values("area").annotate(n=Count("pk")))
    return {(label, r["area"]): r["n"] for r in rows}


def plaza_tables(fiscal_year) -> list[figures.Table]:
    label = _("開いていた相談情報ひろば")
    plazas = figures.grid("plazas", _("相談情報ひろばの数"), [label], _plaza_counts(fiscal_year, label),
                          first_column=_("項目"), unit=_("か所"),
                          note=_("年度中に開いていた（開設日が年度末まで、閉所日が年度初めより後）公開中のひろばです。"))
    previous = figures.grid("plazas", "", [label], _plaza_counts(fiscal_year.previous, label), first_column="")
    plazas = figures.with_change(plazas, previous, label_previous=_("前年度"), label_change=_("増減"))
    subsidised, amount = _("運営費を助成したひろば（か所）"), _("助成額（円）")
    rows = (PlazaSubsidy.objects.filter(fiscal_year=fiscal_year.year).exclude(status=PlazaSubsidy.Status.REJECTED)
            .values("plaza__place__chome__town__area")
            .annotate(n=Count("plaza", distinct=True), yen=Sum("amount")).order_by())
    counts = {}
    for row in rows:
        counts[(subsidised, row["plaza__place__chome__town__area"])] = row["n"]
        counts[(amount, row["plaza__place__chome__town__area"])] = row["yen"]
    subsidy = figures.grid("plaza_subsidies", _("運営経費の一部助成"), [subsidised, amount], counts, first_column=_("項目"),
                           note=_("不交付を除く、その年度の助成（申請受付・交付決定・交付済み・実績報告済み）です。"))
    return [
        plazas,
        figures.session_table("plaza_sessions", _("ひろばの催しと参加者"),
                              Session.objects.filter(listing__in=Plaza.objects.all()), fiscal_year,
                              note=_("ひろばは予約なしで立ち寄れる場所です。ここに入るのはポータルに載せた催しの回です。")),
        subsidy,
    ]


def consultation_tables(fiscal_year) -> list[figures.Table]:
    received = ConsultationRequest.objects.filter(received_at__gte=fiscal_year.starts_at,
                                                  received_at__lt=fiscal_year.ends_at)
    labels = dict(Topic.choices)
    by_topic = dict(received.values_list("topic").annotate(n=Count("pk")).order_by())
    topics = figures.Table(
        key="consultations", title=_("相談受付（分野別の件数）"), columns=[_("分野"), _("件数")],
        rows=[[str(label), by_topic.get(code, 0)] for code, label in labels.items()], unit=_("件"),
        note=_("ポータルの相談受付フォームから届いた件数です。内容や相談した方のことは数えません。"),
    )
    topics.rows.append([figures.total_label(), sum(row[1] for row in topics.rows)])
    rows = received.values("topic", "area").annotate(n=Count("pk")).order_by()
    by_area = figures.grid(
        "consultations_by_area", _("相談受付（分野・お住まいの地域別）"), [str(label) for label in labels.values()],
        {(str(labels[r["topic"]]), r["area"]): r["n"] for r in rows}, first_column=_("分野"), unit=_("件"),
        note=_("職員用。件数が少ないと相談した方が分かるおそれがあるため、公開ページには出しません。"), public=False,
    )
    open_at_end = received.filter(~Q(status=ConsultationRequest.Status.CLOSED) | Q(closed_at__gte=fiscal_year.ends_at))
    status = figures.Table(
        key="consultation_status", title=_("相談受付の対応状況"), columns=[_("項目"), _("件数")],
        rows=[[_("受け付けた相談"), received.count()], [_("年度末に対応中だった相談"), open_at_end.count()]],
        unit=_("件"), public=False,
    )
    return [topics, by_area, status]
