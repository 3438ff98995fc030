"""docs/roles.md, written from the role matrix (community/roles.py and each app's roles.py)."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation

from community import roles
from community.roles import ACTION_LABELS, ACTIONS, ROLE_DESCRIPTIONS, ROLES, SCOPE_LABELS, Grant, Scope

HEADER = """# 役割と権限の一覧

<!-- このページは `python manage.py roles_doc` が community/roles.py と各アプリの roles.py から作ります。
     手で直さず、roles.py を直してからコマンドを実行してください（古いままだとテストが失敗します）。 -->

誰が、どの記録を、閲覧・追加・変更・削除・出力（CSV などのダウンロード）できるかの一覧です。
職員の役割（区職員・社協コーディネーター・審査員・相談対応チーム）は同じ名前のグループで、
`python manage.py sync_staff_groups` がこの表のとおりの権限をグループに与えます（デプロイのたびに実行）。
団体の代表者・編集者と住民は管理画面を使わず、マイ団体・マイページで自分の団体・自分の分だけを扱います。

- 管理者（スーパーユーザー）はすべてできます。権限（職員・管理者・グループ・個別の権限）とメールアドレスを変えられるのは管理者だけです。
- 自分自身の権限、相談対応チームへの所属、コーディネーターの担当地域、団体のメンバーとしての役割は、誰も自分では変えられません。
- 公開中の居場所・講座・団体などのページは誰でも見られます（この表には載せていません）。
- 読めない項目は、管理画面の一覧・絞り込み・検索・並べ替え・出力にも使えません（URL の `?項目__contains=` なども拒否します）。
- 職員は二段階認証が必要です（[staff-sign-in.md](staff-sign-in.md)）。
"""


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _cell(model, grant: Grant | None) -> str:
    if grant is None or not grant.actions:
        return "—"
    groups: list[tuple[Scope, list[str]]] = []
    for action in ACTIONS:
        if action in grant.actions:
            scope = grant.actions[action]
            if groups and groups[-1][0] == scope:
                groups[-1][1].append(str(ACTION_LABELS[action]))
            else:
                groups.append((scope, [str(ACTION_LABELS[action])]))
    text = "、".join(
        "・".join(labels) + ("" if scope == Scope.ALL else f"（{SCOPE_LABELS[scope]}）") for scope, labels in groups
    )
    permissions = dict(model._meta.permissions)
    for codename in grant.extra:
        text += f"、{permissions.get(codename, codename)}"
    return text


def _field_rules(model, grant: Grant) -> list[str]:
    def names(fields) -> str:
        return "・".join(_field_label(model, name) for name in sorted(fields, key=_order(model)))

    rules = []
    if grant.only is not None:
        rules.append(f"見られるのは {names(grant.only)} だけ")
    if grant.hidden:
        rules.append(f"見られない: {names(grant.hidden)}")
    if grant.in_scope:
        rules.append(f"担当分でだけ見られる: {names(grant.in_scope)}")
    writable = {"add", "change"} & set(grant.actions)
    if grant.readonly and writable:
        rules.append(f"読むだけ（変えられない）: {names(grant.readonly - grant.in_scope)}")
    if grant.note:
        rules.append(str(grant.note))
    return rules


def _order(model):
    position = {f.name: i for i, f in enumerate(model._meta.get_fields())}
    return lambda name: position.get(name, len(position))


def render() -> str:
    """The whole page, in Japanese whatever the current language."""
    with translation.override("ja"):
        lines = [HEADER, "## 役割", "", "| 役割 | 説明 |", "|---|---|"]
        lines += [f"| {role} | {ROLE_DESCRIPTIONS[role]} |" for role in ROLES]
        lines += ["", "範囲の書き方: " + "、".join(
            f"（{label}）" for scope, label in SCOPE_LABELS.items() if scope != Scope.ALL
        ) + "。書いていなければ、すべての記録です。", ""]
        by_app: dict[str, list[str]] = {}
        for label in roles.matrix():
            by_app.setdefault(label.split(".")[0], []).append(label)
        for app_label, labels in by_app.items():
            config = apps.get_app_config(app_label)
            lines += [f"## {config.verbose_name}（`{app_label}`）", ""]
            lines += ["| 記録 | " + " | ".join(ROLES) + " |", "|---" * (len(ROLES) + 1) + "|"]
            notes = []
            for label in labels:
                model = apps.get_model(label)
                grants = roles.matrix()[label]
                name = f"{model._meta.verbose_name}"
                lines.append(f"| {name} | " + " | ".join(_cell(model, grants.get(role)) for role in ROLES) + " |")
                for role in ROLES:
                    if role in grants:
                        notes += [f"- {name} — {role}: {rule}" for rule in _field_rules(model, grants[role])]
            if notes:
                lines += ["", "項目ごとの決まりと補足:", "", *notes]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"
