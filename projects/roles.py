"""Who may do what with 地域おこしプロジェクト (see community/roles.py and docs/roles.md).

Reviewers (審査員) read every submitted application with its plan, budget and attachments and keep their own
scoring sheet; only 区職員 decide (`decide_application`).
"""

from community.roles import (
    COORDINATOR,
    EDITOR,
    FULL,
    REPRESENTATIVE,
    REVIEWER,
    WARD_STAFF,
    declare,
    grant,
)

OWN_APPLICATION = "view:own_organization add:own_organization change:own_organization"

declare("projects.application", {
    WARD_STAFF: grant("view change delete export", extra=("decide_application",),
                      note="採否の決定は区職員だけ（決定すると団体にメールが届きます）。"),
    COORDINATOR: grant("view export"),
    REVIEWER: grant("view", note="提出された申請の事業内容・予算・添付資料を読みます。"),
    REPRESENTATIVE: grant(OWN_APPLICATION, note="提出すると変更できません。"),
    EDITOR: grant(OWN_APPLICATION),
})
for label in ("projects.budgetline", "projects.attachment", "projects.applicationmember"):
    declare(label, {
        WARD_STAFF: grant("view"),
        COORDINATOR: grant("view"),
        REVIEWER: grant("view"),
        REPRESENTATIVE: grant(OWN_APPLICATION + " delete:own_organization"),
        EDITOR: grant(OWN_APPLICATION + " delete:own_organization"),
    })
declare("projects.score", {
    WARD_STAFF: grant("view add change"),
    COORDINATOR: grant("view"),
    REVIEWER: grant("view add change:own", note="自分の審査票だけを書き直せます。"),
})
for label in ("projects.call", "projects.category", "projects.stage", "projects.expertconsultation",
              "projects.showcaseproject"):
    declare(label, {WARD_STAFF: grant(FULL), COORDINATOR: grant("view")})
declare("projects.consultationbooking", {
    WARD_STAFF: grant(FULL),
    COORDINATOR: grant("view"),
    REPRESENTATIVE: grant("view:own_organization add:own_organization delete:own_organization"),
    EDITOR: grant("view:own_organization add:own_organization delete:own_organization"),
})
declare("projects.report", {
    WARD_STAFF: grant("view change delete", note="活動報告の承認・差戻し。"),
    COORDINATOR: grant("view"),
    REPRESENTATIVE: grant(OWN_APPLICATION),
    EDITOR: grant(OWN_APPLICATION),
})
for label in ("projects.reportbudgetline", "projects.reportphoto"):
    declare(label, {
        WARD_STAFF: grant("view"),
        COORDINATOR: grant("view"),
        REPRESENTATIVE: grant(OWN_APPLICATION + " delete:own_organization"),
        EDITOR: grant(OWN_APPLICATION + " delete:own_organization"),
    })
