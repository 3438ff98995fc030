"""The role matrix: who may view, add, change, delete and export which records and fields, declared once.

Role names live here, in the kernel. Each app declares the rights on its own models in its `roles.py` (found
the way Django finds `admin.py`), so the kernel never names an initiative. From the same declarations:
`sync_staff_groups()` gives each staff group exactly its permissions, the admin hides and locks fields
(community/admin/access.py), and `python manage.py roles_doc` writes docs/roles.md.

Staff roles are Django groups and work in the admin. Organization roles (代表者・編集者) and residents have no
admin: their rights are exercised in マイ団体 and マイページ, scoped to their own organization or themselves.
Superusers hold every right; nobody else is given a right by hand.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.module_loading import autodiscover_modules

# --- roles -----------------------------------------------------------------------------------------------

WARD_STAFF = "区職員"
COORDINATOR = "社協コーディネーター"
REVIEWER = "審査員"
CONSULTATION_TEAM = "相談対応チーム"
REPRESENTATIVE = "団体の代表者"
EDITOR = "団体の編集者"
RESIDENT = "住民"

# Staff roles are groups (synced from the matrix); the others come from Membership.Role or from having an account.
STAFF_ROLES = (WARD_STAFF, COORDINATOR, REVIEWER, CONSULTATION_TEAM)
ORGANIZATION_ROLES = (REPRESENTATIVE, EDITOR)
ROLES = (*STAFF_ROLES, *ORGANIZATION_ROLES, RESIDENT)
ROLE_DESCRIPTIONS = {
    WARD_STAFF: "練馬区の職員。管理画面ですべてを運営し、助成の採否を決め、相談の内容を読めます。",
    COORDINATOR: "社会福祉協議会の地域福祉コーディネーター。団体・掲載・講座を運営します。相談の内容は担当分だけ。",
    REVIEWER: "地域おこしプロジェクトの審査員。申請を読み、自分の審査票をつけます。採否は決めません。",
    CONSULTATION_TEAM: "相談対応チームのメンバー。担当になった相談（本人またはチームの担当）の内容だけを読み、対応します。",
    REPRESENTATIVE: "団体の代表者。マイ団体で自分の団体の情報・掲載・開催回を管理し、メンバーを招待します。",
    EDITOR: "団体の編集者。マイ団体で自分の団体の情報・掲載・開催回を管理します。メンバーの管理はしません。",
    RESIDENT: "アカウントを持つ区民。自分の申込・応募・登録・プロフィールだけを扱います。",
}

# The apps whose models the matrix declares (every model of theirs must be declared; tests/roles/test_matrix.py).
PORTAL_APPS = [
    "community", "volunteers", "cafes", "hiroba", "projects", "international", "nerima_portal", "progress", "opendata",
]

ACTIONS = ("view", "add", "change", "delete", "export")
ACTION_LABELS = {
    "view": "閲覧",
    "add": "追加",
    "change": "変更",
    "delete": "削除",
    "export": "出力",
}


class Scope(enum.StrEnum):
    """Which rows a right reaches."""

    ALL = "all"
    ASSIGNED = "assigned"  # rows assigned to the user or to a team they belong to
    AREA = "area"  # rows of the areas the user is assigned to
    OWN_ORGANIZATION = "own_organization"  # rows of organizations the user is a member of
    OWN = "own"  # the user's own rows


SCOPE_LABELS = {
    Scope.ALL: "すべて",
    Scope.ASSIGNED: "担当分のみ",
    Scope.AREA: "担当地域のみ",
    Scope.OWN_ORGANIZATION: "自分の団体のみ",
    Scope.OWN: "本人の分のみ",
}


class Level(enum.IntEnum):
    """How far a role reaches into one field; several roles of one user give the highest."""

    HIDDEN = 0  # not shown, and never filtered, searched, ordered or exported by
    IN_SCOPE = 1  # shown only on rows in the role's scope; hidden from lists, filters and search
    READ = 2
    WRITE = 3


@dataclass(frozen=True)
class Grant:
    """One role's rights on one model: actions with their scope, and the fields it may not read or write."""

    actions: dict[str, Scope]
    hidden: frozenset[str] = frozenset()
    only: frozenset[str] | None = None  # when set, the only fields this role reads
    readonly: frozenset[str] = frozenset()
    in_scope: frozenset[str] = frozenset()
    extra: tuple[str, ...] = ()  # custom permission codenames of the model, e.g. "decide_application"
    note: str = ""

    def allows(self, action: str) -> bool:
        return action in self.actions

    def level(self, field_name: str) -> Level:
        if field_name in self.hidden or (self.only is not None and field_name not in self.only):
            return Level.HIDDEN
        if field_name in self.in_scope:
            return Level.IN_SCOPE
        if field_name in self.readonly or not ({"add", "change"} & set(self.actions)):
            return Level.READ
        return Level.WRITE


FULL = "view add change delete"


def grant(actions: str, *, hidden=(), only=None, readonly=(), in_scope=(), extra=(), note="") -> Grant:
    """`grant("view change:assigned export")`: actions separated by spaces, each with an optional `:scope`."""
    parsed: dict[str, Scope] = {}
    for token in actions.split():
        action, _sep, scope = token.partition(":")
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        parsed[action] = Scope(scope or Scope.ALL)
    return Grant(
        actions=parsed,
        hidden=frozenset(hidden),
        only=None if only is None else frozenset(only),
        readonly=frozenset(readonly),
        in_scope=frozenset(in_scope),
        extra=tuple(extra),
        note=str(note),
    )


# --- the declarations ------------------------------------------------------------------------------------

_MATRIX: dict[str, dict[str, Grant]] = {}
_discovered = False


def declare(label: str, grants: dict[str, Grant]) -> None:
    """Declare the rights on one model ("app_label.model_name"); roles not named have none."""
    label = label.lower()
    if label in _MATRIX:
        raise ValueError(f"{label} is declared twice")
    unknown = set(grants) - set(ROLES)
    if unknown:
        raise ValueError(f"{label}: unknown roles {sorted(unknown)}")
    _MATRIX[label] = dict(grants)


def matrix() -> dict[str, dict[str, Grant]]:
    """Every declaration, after importing each installed app's `roles` module once."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("roles")
    return _MATRIX


def grants_for(model) -> dict[str, Grant]:
    return matrix().get(model._meta.label_lower, {})


# --- what a user holds ----------------------------------------------------------------------------------

def staff_roles_of(user) -> frozenset[str]:
    """The staff roles (groups) of a user, looked up once per user object."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return frozenset()
    cached = getattr(user, "_portal_staff_roles", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=STAFF_ROLES).values_list("name", flat=True))
        user._portal_staff_roles = cached
    return cached


def field_level(user, model, field_name: str) -> Level:
    """The most a user's staff roles allow on one field of `model` (superusers: everything)."""
    if user.is_active and user.is_superuser:
        return Level.WRITE
    grants = grants_for(model)
    levels = [grants[role].level(field_name) for role in staff_roles_of(user) if role in grants]
    return max(levels, default=Level.HIDDEN)


def path_readable(user, model, path: list[str]) -> bool:
    """Whether every field along a lookup path (e.g. ["user", "email"]) may be read by the user in any row."""
    for name in path:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field_level(user, model, model_field.name) < Level.READ:
            return False
        if not model_field.is_relation or model_field.related_model is None:
            break
        model = model_field.related_model
    return True


def export_codename(model) -> str:
    return f"export_{model._meta.model_name}"


def export_permission(model) -> str:
    return f"{model._meta.app_label}.{export_codename(model)}"


# --- groups and permissions -----------------------------------------------------------------------------

def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def exportable_models() -> list:
    """Models some role may export: each gets an `export_<model>` permission."""
    return [_model(label) for label, grants in matrix().items() if any(g.allows("export") for g in grants.values())]


def ensure_export_permissions(models=None) -> None:
    """Create the export permissions the matrix names (Django only creates view/add/change/delete)."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    for model in models if models is not None else exportable_models():
        Permission.objects.get_or_create(
            codename=export_codename(model),
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            defaults={"name": f"Can export {model._meta.model_name}"},
        )


def create_export_permissions(sender, **kwargs) -> None:
    """post_migrate: the export permissions of the app just migrated."""
    if kwargs.get("apps") is None or not hasattr(sender, "get_models"):
        return
    labels = {model._meta.label_lower for model in sender.get_models()}
    ensure_export_permissions([model for model in exportable_models() if model._meta.label_lower in labels])


def role_permissions(role: str) -> set[tuple[str, str]]:
    """(app_label, codename) of every permission the matrix gives a staff role."""
    wanted = set()
    for label, grants in matrix().items():
        role_grant = grants.get(role)
        if role_grant is None:
            continue
        app_label, model_name = label.split(".")
        for action in role_grant.actions:
            wanted.add((app_label, f"{action}_{model_name}"))
        wanted.update((app_label, codename) for codename in role_grant.extra)
    return wanted


def sync_staff_groups() -> dict:
    """Create or refresh every staff group so that it holds exactly the matrix's permissions (run at each deploy)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    ensure_export_permissions()
    groups = {}
    for role in STAFF_ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        query = Q(pk__in=[])
        for app_label, codename in role_permissions(role):
            query |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(query).select_related("content_type"))
        missing = role_permissions(role) - {(p.content_type.app_label, p.codename) for p in permissions}
        if missing:
            raise LookupError(f"{role}: permissions missing from the database: {sorted(missing)}")
        group.permissions.set(permissions)
        groups[role] = group
    return groups



# --- the kernel's own models (each initiative app declares its models in its own roles.py) ---------------

# Staff-run records: 区職員 and coordinators manage them; organizations keep their own through マイ団体.
_STAFF_RUN = {WARD_STAFF: grant(FULL), COORDINATOR: grant(FULL)}
# Who may give rights or take over an account: superusers only (and nobody on their own account).
USER_PRIVILEGE_FIELDS = ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")

declare("community.user", {
    WARD_STAFF: grant(
        "view change", hidden=("password",), readonly=("email", *USER_PRIVILEGE_FIELDS, "last_login", "date_joined"),
        note=("メールアドレスと権限（職員・管理者・グループ・個別の権限・有効）を変えられるのは管理者（スーパーユーザー）だけ。"
               "自分自身の権限は誰も変えられません。"),
    ),
    COORDINATOR: grant("view", only=("full_name", "full_name_kana", "email", "phone"),
                       note="氏名と連絡先だけ（団体のメンバーを選ぶため）。"),
    RESIDENT: grant("view:own change:own delete:own export:own", hidden=("password",),
                    readonly=("email", *USER_PRIVILEGE_FIELDS),
                    note="マイページのプロフィール・自分のデータ（JSON）・退会。"),
})
for _label in ("community.area", "community.town", "community.chome"):
    declare(_label, {WARD_STAFF: grant(FULL), COORDINATOR: grant("view")})
declare("community.organization", {
    **_STAFF_RUN,
    REPRESENTATIVE: grant(
        "view:own_organization change:own_organization", readonly=("status", "review_note", "published_at"),
        note=("団体名・種別の変更は承認待ちになり、承認まで公開中の名前のまま。種別「区」「社会福祉協議会」"
               "「地域包括支援センター」は職員だけが設定できます。"),
    ),
    EDITOR: grant(
        "view:own_organization change:own_organization", readonly=("status", "review_note", "published_at"),
        note="代表者と同じ。",
    ),
    RESIDENT: grant("add:own", note="団体の登録を申請し、その代表者になります（承認待ち）。"),
})
declare("community.membership", {
    **_STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization add:own_organization change:own_organization "
                          "delete:own_organization", note="招待で加え、役割を変え、外します。最後の代表者は外せません。"),
    EDITOR: grant("view:own_organization"),
})
declare("community.invitation", {
    WARD_STAFF: grant("view change delete"),
    COORDINATOR: grant("view change delete"),
    REPRESENTATIVE: grant("view:own_organization add:own_organization delete:own_organization"),
})
declare("community.recentchange", {
    WARD_STAFF: grant("view change", note="変更前の版に戻す・公開を終了する。"),
    COORDINATOR: grant("view change"),
})
declare("community.personaldataaccess", {WARD_STAFF: grant("view")})
declare("community.outboxmessage", {
    WARD_STAFF: grant("view", extra=("resend_outboxmessage",),
                      note="送信メールの本文（住民から民生・児童委員への連絡を含む）を読み、送れなかったメールを再送します。"),
})
declare("community.phonecall", {
    WARD_STAFF: grant("view change", note="メールのない申込者（代理申込・電話だけのゲスト）への電話連絡。電話したら済みにします。"),
    COORDINATOR: grant("view change"),
    REPRESENTATIVE: grant("view:own_organization change:own_organization", note="自団体の電話連絡リスト。"),
    EDITOR: grant("view:own_organization change:own_organization"),
})
# Which sign-up or inquiry an organization was already told of (sent by the outbox or the daily digest): no one edits it.
declare("community.organizernotice", {})
# Which rows the demo made up: written by the demo loaders only (community/demo_fiction.py); staff see the 架空
# column and filter in each list, never the registry itself.
declare("community.demofiction", {})
for _label in ("community.listing", "community.place", "community.recurringschedule", "community.session"):
    declare(_label, {
        **_STAFF_RUN,
        REPRESENTATIVE: grant("view:own_organization add:own_organization change:own_organization"),
        EDITOR: grant("view:own_organization add:own_organization change:own_organization"),
    })
declare("community.headcount", {
    **_STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization add:own_organization change:own_organization",
                          note="参加者数と内訳（人数だけ）を開催回ごとに記録します。"),
    EDITOR: grant("view:own_organization add:own_organization change:own_organization"),
})
for _label in ("community.listingtranslation", "community.organizationtranslation"):
    declare(_label, {
        **_STAFF_RUN,
        REPRESENTATIVE: grant("view:own_organization add:own_organization change:own_organization "
                              "delete:own_organization", note="外国語の紹介文（空欄の言語は日本語を表示）。"),
        EDITOR: grant("view:own_organization add:own_organization change:own_organization delete:own_organization"),
    })
declare("community.signup", {
    **_STAFF_RUN,
    REPRESENTATIVE: grant("view:own_organization change:own_organization export:own_organization",
                          note="申込者一覧と CSV。閲覧と出力は「個人情報の閲覧記録」に残ります。"),
    EDITOR: grant("view:own_organization change:own_organization export:own_organization"),
    RESIDENT: grant("view:own add:own change:own", note="申込とキャンセル。"),
})

# Django's and allauth's own admin: superusers only.
for _label in ("auth.group", "sites.site", "account.emailaddress", "mfa.authenticator"):
    declare(_label, {})
