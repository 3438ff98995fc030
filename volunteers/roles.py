"""Who may do what with the volunteers app's records (see community/roles.py and docs/roles.md)."""

from community.roles import (
    COORDINATOR,
    EDITOR,
    FULL,
    REPRESENTATIVE,
    RESIDENT,
    WARD_STAFF,
    declare,
    grant,
)

STAFF_RUN = {WARD_STAFF: grant(FULL), COORDINATOR: grant(FULL)}
ORGANIZATION_KEEPS = {
    REPRESENTATIVE: grant("view:own_organization add:own_organization change:own_organization"),
    EDITOR: grant("view:own_organization add:own_organization change:own_organization"),
}

# 町会・自治会
for label in ("volunteers.associationprofile", "volunteers.associationactivity", "volunteers.associationphoto"):
    declare(label, {**STAFF_RUN, **ORGANIZATION_KEEPS})
declare("volunteers.joininquiry", {
    **STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization change:own_organization",
                          note="自分の町会・自治会への問い合わせを読み、回答済みにします。"),
    EDITOR: grant("view:own_organization change:own_organization"),
    RESIDENT: grant("add:own"),
})
declare("volunteers.resource", STAFF_RUN)

# 民生・児童委員: the roster and residents' messages to commissioners are for 区職員 only.
declare("volunteers.commissionerdistrict", STAFF_RUN)
declare("volunteers.districtchome", STAFF_RUN)
# 欠員 per district: numbers only (定数・現員・欠員), never a name from the roster.
declare("volunteers.commissionervacancy", {WARD_STAFF: grant("view"), COORDINATOR: grant("view")})
declare("volunteers.commissioner", {WARD_STAFF: grant(FULL, note="名簿（氏名・電話）は区職員だけ。")})
declare("volunteers.commissionercontact", {WARD_STAFF: grant(FULL), RESIDENT: grant("add:own")})

# 地域福祉コーディネーター and 協働推進員: who covers which area is set by 区職員, never by the coordinator.
declare("volunteers.coordinatorteam", {WARD_STAFF: grant(FULL), COORDINATOR: grant("view")})
declare("volunteers.coordinatorassignment", {
    WARD_STAFF: grant(FULL, note="自分自身を担当に加えたり外したりはできません。"),
    COORDINATOR: grant("view"),
})
declare("volunteers.collaboratorregistration", {
    WARD_STAFF: grant("view change delete", readonly=("user",)),
    COORDINATOR: grant("view:area change:area delete:area", readonly=("user",),
                       note="担当地域の登録だけ。"),
    RESIDENT: grant("view:own add:own delete:own", note="登録と取り下げ。"),
})

# NPO support
declare("volunteers.nposupportmenu", STAFF_RUN)
declare("volunteers.nposeminar", STAFF_RUN)
declare("volunteers.groupprofile", {**STAFF_RUN, **ORGANIZATION_KEEPS})

# 地域福祉パワーアップカレッジねりま
for label in ("volunteers.cohort", "volunteers.collegecourse", "volunteers.classattendance"):
    declare(label, STAFF_RUN)
declare("volunteers.collegeapplication", {
    **STAFF_RUN,
    RESIDENT: grant("view:own add:own change:own", note="受講の申込と辞退。"),
})

# ボランティア募集 and matching
declare("volunteers.opening", {**STAFF_RUN, **ORGANIZATION_KEEPS})
declare("volunteers.openingapplication", {
    **STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization change:own_organization", note="自分の団体の募集への応募に返事をします。"),
    EDITOR: grant("view:own_organization change:own_organization"),
    RESIDENT: grant("view:own add:own change:own"),
})
declare("volunteers.volunteerprofile", {
    **STAFF_RUN,
    RESIDENT: grant("view:own add:own change:own", note="公開範囲は本人が決めます。"),
})
declare("volunteers.volunteerinvitation", {
    **STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization add:own_organization"),
    EDITOR: grant("view:own_organization add:own_organization"),
    RESIDENT: grant("view:own change:own", note="団体からの招待に返事をします。"),
})
declare("volunteers.volunteerhours", {
    **STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization change:own_organization",
                          note="自分の団体での活動時間を確認します（確認・差戻し）。"),
    EDITOR: grant("view:own_organization change:own_organization"),
    RESIDENT: grant("view:own add:own", note="自分の活動時間を報告します。"),
})
declare("volunteers.matchingreport", {WARD_STAFF: grant("view export"), COORDINATOR: grant("view export")})
