"""The staff to-do list (やること) on the admin's first page: what waits for a clerk, how many, since when, and a link.

The kernel never names an initiative app: each app registers its own items in AppConfig.ready() in
``community.registry.staff_todo``. An item is a queryset of waiting rows, the field that says since when each waits, the
permission needed to see it, and where the list of those rows is in the admin.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from community import registry

# Waiting longer than this is shown as overdue (a resident was promised an answer within about a week).
OVERDUE_AFTER = dt.timedelta(days=7)


@dataclass(frozen=True, eq=False)
class TodoItem:
    """One waiting kind; two items with the same key are the same item (ready() may register it twice)."""

    key: str
    label: str
    waiting: Callable[[], QuerySet]
    since_field: str
    url: Callable[[], str]
    permission: str
    order: int = 100

    def __eq__(self, other) -> bool:
        return isinstance(other, TodoItem) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


@dataclass(frozen=True)
class TodoRow:
    item: TodoItem
    count: int
    overdue: int
    oldest: dt.datetime | None

    @property
    def days_waiting(self) -> int | None:
        return (timezone.now() - self.oldest).days if self.oldest else None


def todo_items() -> list[TodoItem]:
    return sorted(registry.staff_todo, key=lambda item: (item.order, item.key))


def todo_rows_for(user) -> list[TodoRow]:
    """Every item this user may see, with its count, how many are overdue and since when the oldest waits.

    One query per item: the count, the overdue count and the oldest date come from one aggregate.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return []
    cutoff = timezone.now() - OVERDUE_AFTER
    rows = []
    for item in todo_items():
        if not user.has_perm(item.permission):
            continue
        since = item.since_field
        stats = item.waiting().aggregate(
            count=Count("pk"), overdue=Count("pk", filter=Q(**{f"{since}__lt": cutoff})), oldest=Min(since)
        )
        rows.append(TodoRow(item=item, count=stats["count"], overdue=stats["overdue"], oldest=stats["oldest"]))
    return rows
