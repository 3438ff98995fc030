"""「最近の変更」: the edit history of organizations, places and listings (every Listing subclass), newest first.

Each tracked model has its own simple-history table (a Listing subclass saved as itself writes to its own
table), so the list is a UNION of light rows that is paginated first; only the page is then loaded in full,
with the version before each change found by a subquery, not one query per row.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import CharField, OuterRef, Subquery, Value
from django.utils.translation import gettext as _

from community.models import Listing, Organization, Place

# Fields that change on every save or belong to moderation; they are not "what the organization edited".
UNTRACKED = {"updated_at", "created_at", "kind"}


@dataclass
class Change:
    source: str
    record: object
    previous: object | None
    organization: Organization | None
    model_label: str
    diff: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return getattr(self.record, "name", None) or getattr(self.record, "title", "") or str(self.record.id)

    @property
    def can_revert(self) -> bool:
        return self.previous is not None and self.record.history_type == "~"

    @property
    def can_unpublish(self) -> bool:
        return self.source != "community.place" and getattr(self.record.instance_type, "status", None) is not None


def tracked_models() -> dict[str, type]:
    """label → live model, for every model whose history 「最近の変更」 shows."""
    models = [Organization, Place] + [
        model for model in apps.get_models() if issubclass(model, Listing) and hasattr(model, "history")
    ]
    return {model._meta.label_lower: model for model in models}


# Related rows whose str() reads through a relation (町丁目 → 「豊玉北5丁目」 needs its town): joined in the one query.
RELATED_JOINS = {"community.chome": ("town",), "community.town": ("area",)}


def _display(model_field, value, labels: dict | None = None) -> str:
    """A value as staff read it: choice labels, names of related rows, はい/いいえ, Japanese dates."""
    from community.templatetags.portal import jdate, jdatetime

    if value in (None, ""):
        return "—"
    if model_field.many_to_one or model_field.one_to_one:
        label = (labels or {}).get((model_field.related_model._meta.label_lower, value))
        return label if label is not None else _("（削除済み #%(pk)s）") % {"pk": value}
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("はい") if value else _("いいえ"))
    if isinstance(value, dt.datetime):
        return jdatetime(value)
    if isinstance(value, dt.date):
        return jdate(value)
    return str(value)


def _changed_fields(model, record, previous):
    """(model field, before, after) for every tracked field this change touched; relations as raw ids."""
    if previous is None:
        return []
    rows = []
    for model_field in model._meta.concrete_fields:
        if model_field.primary_key or model_field.name in UNTRACKED:
            continue
        old, new = getattr(previous, model_field.attname, None), getattr(record, model_field.attname, None)
        if old != new:
            rows.append((model_field, old, new))
    return rows


def related_labels(changed: list[tuple]) -> dict[tuple[str, object], str]:
    """(model label, pk) → str() of every related row named in these diffs: one query per related model."""
    wanted: dict[type, set] = {}
    for model_field, old, new in changed:
        if model_field.many_to_one or model_field.one_to_one:
            wanted.setdefault(model_field.related_model, set()).update(v for v in (old, new) if v not in (None, ""))
    labels = {}
    for related, ids in wanted.items():
        label = related._meta.label_lower
        rows = related._base_manager.select_related(*RELATED_JOINS.get(label, ())).in_bulk(ids)
        labels.update({(label, pk): str(obj) for pk, obj in rows.items()})
    return labels


def recent_changes(*, only_organizations: bool = True, source: str = "", page_number=1, per_page: int = 25):
    """A page of Change rows, newest first; by default only edits made by organization members (not staff)."""
    models = tracked_models()
    if source in models:
        models = {source: models[source]}
    light = []
    for label, model in models.items():
        rows = model.history.all()
        if only_organizations:
            rows = rows.filter(history_user__isnull=False, history_user__is_staff=False)
        light.append(
            rows.annotate(source=Value(label, output_field=CharField())).values_list("history_id", "history_date", "source")
        )
    union = light[0].union(*light[1:], all=True).order_by("-history_date") if len(light) > 1 else light[0].order_by("-history_date")
    page = Paginator(union, per_page).get_page(page_number)
    wanted: dict[str, list[int]] = {}
    for history_id, _date, label in page.object_list:
        wanted.setdefault(label, []).append(history_id)
    loaded = {}
    for label, ids in wanted.items():
        history = models[label].history
        previous_id = Subquery(
            history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        records = list(history.filter(history_id__in=ids).select_related("history_user").annotate(previous_id=previous_id))
        previous = history.in_bulk([r.previous_id for r in records if r.previous_id])
        for record in records:
            loaded[(label, record.history_id)] = (record, previous.get(record.previous_id))
    organization_ids = {
        (record.id if label == "community.organization" else record.organization_id)
        for (label, _id), (record, _prev) in loaded.items()
    }
    organizations = Organization.objects.in_bulk([pk for pk in organization_ids if pk])
    changed = {key: _changed_fields(models[key[0]], record, prev) for key, (record, prev) in loaded.items()}
    # Foreign keys of the whole page are named in one query per related model, not one per row.
    labels = related_labels([row for rows in changed.values() for row in rows])
    changes = []
    for history_id, _date, label in page.object_list:
        record, prev = loaded[(label, history_id)]
        model = models[label]
        org_id = record.id if label == "community.organization" else record.organization_id
        changes.append(
            Change(
                source=label,
                record=record,
                previous=prev,
                organization=organizations.get(org_id),
                model_label=str(model._meta.verbose_name),
                diff=[
                    (str(f.verbose_name), _display(f, old, labels), _display(f, new, labels))
                    for f, old, new in changed[(label, history_id)]
                ],
            )
        )
    return page, changes


def history_record(source: str, history_id: int):
    """One history row of a tracked model, or None."""
    model = tracked_models().get(source)
    if model is None:
        return None
    return model.history.filter(history_id=history_id).first()
