"""地域おこしプロジェクト: calls, stages, applications, review, reports, showcase and expert consultations."""

from projects.models.applications import Application, ApplicationMember, Attachment, BudgetLine
from projects.models.calls import Call, Category, Stage
from projects.models.consultations import ConsultationBooking, ExpertConsultation
from projects.models.reports import Report, ReportBudgetLine, ReportPhoto
from projects.models.review import Score
from projects.models.showcase import ShowcaseProject

__all__ = [
    "Application",
    "ApplicationMember",
    "Attachment",
    "BudgetLine",
    "Call",
    "Category",
    "ConsultationBooking",
    "ExpertConsultation",
    "Report",
    "ReportBudgetLine",
    "ReportPhoto",
    "Score",
    "ShowcaseProject",
    "Stage",
]
