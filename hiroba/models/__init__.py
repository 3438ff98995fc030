"""hiroba: consultation made easy. One module per idea.

topics.py the shared words (相談の分野・話し方) · plazas.py 相談情報ひろば and the ward subsidy ·
directory.py 地域包括支援センターの担当地域 and the ward's consultation desks · consultations.py 相談受付 and its access log
"""

from hiroba.models.consultations import (
    ConsultationAccessLog,
    ConsultationNote,
    ConsultationRequest,
    ConsultationTeam,
    RetentionSetting,
)
from hiroba.models.directory import ConsultationDesk, SupportCenterCoverage
from hiroba.models.plazas import Plaza, PlazaActivity, PlazaSubsidy
from hiroba.models.topics import Activity, ContactWay, Topic

__all__ = [
    "Activity",
    "ConsultationAccessLog",
    "ConsultationDesk",
    "ConsultationNote",
    "ConsultationRequest",
    "ConsultationTeam",
    "ContactWay",
    "Plaza",
    "PlazaActivity",
    "PlazaSubsidy",
    "RetentionSetting",
    "SupportCenterCoverage",
    "Topic",
]
