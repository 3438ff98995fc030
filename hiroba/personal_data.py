"""Personal data held by hiroba: consultation requests sent with one of the user's confirmed e-mail addresses.

Requests need no account, so they are matched by confirmed address only (an anonymous request holds nobody's
data). Registered in community.personal_data (see there for the contract).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.personal_data import email_q, verified_emails, when
from community.templatetags.portal import jdatetime
from hiroba.models import ConsultationRequest, RetentionSetting
from hiroba.services.consultations import consultation_anonymize, consultations_apply_retention

SECTIONS = {"consultations": gettext_lazy("相談受付")}

ERASE_REMOVES: list = []
ERASE_ANONYMIZES = [
    gettext_lazy("相談受付は、相談の内容・お名前・電話番号・メールアドレスを消し、受付番号・分野・日付だけを統計用に残します。"),
]


def _mine(user):
    return ConsultationRequest.objects.filter(email_q("email", verified_emails(user)), anonymized_at__isnull=True)


def export(user) -> dict[str, list[dict]]:
    rows = [{
        "reference": c.reference,
        "topic": c.topic,
        "message": c.message,
        "contact_method": c.contact_method,
        "preferred_time": c.preferred_time,
        "language": c.language,
        "area": c.area.name if c.area_id else None,
        "name": c.name,
        "phone": c.phone,
        "email": c.email,
        "status": c.status,
        "received_at": when(c.received_at),
        "closed_at": when(c.closed_at),
        "summary": _("受付番号 %(reference)s・%(date)s（%(status)s）")
        % {"reference": c.reference, "date": jdatetime(c.received_at), "status": c.get_status_display()},
    } for c in _mine(user).select_related("area").order_by("-received_at")]
    return {"consultations": rows}


def erase(user) -> None:
    for consultation in _mine(user):
        consultation_anonymize(consultation=consultation)  # logs the anonymization in the access log


def retention(*, now, periods) -> dict[str, int]:
    # The period is the one staff set in the admin (相談受付の保存期間), not a code default.
    setting = RetentionSetting.current()
    result = consultations_apply_retention(now=now)
    verb = _("削除") if result["action"] == RetentionSetting.Action.DELETE else _("匿名化")
    label = _("相談受付（終了から%(years)s年を過ぎたものを%(verb)s）") % {"years": setting.years, "verb": verb}
    return {label: result["count"]}
