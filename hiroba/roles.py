"""Who may do what with plazas, desks and consultation requests (see community/roles.py and docs/roles.md).

What a person wrote in a consultation request and how to reach them is read only by 区職員 (who hold
`view_consultation_content`) and by whoever the request is assigned to: the staff member or their team.
"""

from community.roles import (
    CONSULTATION_TEAM,
    COORDINATOR,
    FULL,
    RESIDENT,
    WARD_STAFF,
    declare,
    grant,
)

# What the person told us: never in lists, filters, ordering or search except for those who read every request.
CONTENT = ("message", "contact_method", "preferred_time", "name", "phone", "email", "is_anonymous", "consented_at")
SUMMARY = ("reference", "topic", "language", "area", "received_at", "closed_at", "anonymized_at")

declare("hiroba.consultationrequest", {
    WARD_STAFF: grant("view change delete export", readonly=(*CONTENT, *SUMMARY), extra=("view_consultation_content",),
                      note="すべての相談の内容と連絡先を読めます。閲覧・検索・出力・変更はすべて閲覧記録に残ります。"),
    COORDINATOR: grant("view change:assigned", readonly=(*CONTENT, *SUMMARY), in_scope=CONTENT,
                       note="一覧は受付番号・分野・状態・日付だけ。内容は自分かチームが担当の相談だけ。"),
    CONSULTATION_TEAM: grant("view change:assigned", readonly=(*CONTENT, *SUMMARY), in_scope=CONTENT,
                             note="一覧は受付番号・分野・状態・日付だけ。内容は自分かチームが担当の相談だけ。"),
    RESIDENT: grant("add", note="アカウントなしでも、匿名でも申し込めます。"),
})
declare("hiroba.consultationnote", {
    WARD_STAFF: grant("view add"),
    COORDINATOR: grant("view:assigned add:assigned", in_scope=("text",)),
    CONSULTATION_TEAM: grant("view:assigned add:assigned", in_scope=("text",)),
})
declare("hiroba.consultationteam", {
    WARD_STAFF: grant(FULL, note="メンバーを決めるのは区職員だけ。自分自身を加えたり外したりはできません。"),
    COORDINATOR: grant("view"),
    CONSULTATION_TEAM: grant("view"),
})
declare("hiroba.consultationaccesslog", {WARD_STAFF: grant("view")})
declare("hiroba.retentionsetting", {WARD_STAFF: grant("view add change"), COORDINATOR: grant("view")})
for label in ("hiroba.plaza", "hiroba.plazaactivity", "hiroba.plazasubsidy", "hiroba.supportcentercoverage",
              "hiroba.consultationdesk"):
    declare(label, {WARD_STAFF: grant(FULL), COORDINATOR: grant(FULL)})
