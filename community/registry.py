"""What the initiative apps plug into the kernel, registered from their AppConfig.ready().

The kernel never names an initiative app: each app registers what it adds here (the modules that hold
personal data, its search sources, its calendar entries, its staff to-do items), and kernel and site code
iterate these registries. Registration is idempotent, so ready() may run twice in tests.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import Q

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, name: str) -> None:
        self.name = name
        self._items: list[T] = []

    def register(self, item: T) -> T:
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self._items)}>"


# Modules with the personal-data contract described in community.personal_data, in export order.
personal_data: Registry = Registry("personal data")

# What sessions of a listing kind count besides the total in their 参加者数 (区内/区外, age bands):
# community.models.headcounts.Breakdowns items, looked up by breakdowns_for(listing).
headcount_breakdowns: Registry = Registry("headcount breakdowns")

@dataclass(frozen=True)
class SearchSource:
    """What one app adds to the site search over listings (registered from its AppConfig.ready()).

    The search (nerima_portal/search) knows listings, organizations and places; anything it needs of an app's own
    fields comes through here, so it never names another app's models or lookups.
    - `extra_words(listing_ids)` → {listing id: [words]}: more words to index for these listings (one query for a
      batch), e.g. a care café's activities.
    - `findable()` → a Q on Listing that a listing of this app must meet to be found (None: always), e.g. an
      opening whose deadline has not passed.
    - `in_area(area)` → a Q on Listing: the listing belongs to `area` by a field of its own (besides its place).
    - `feeds`: (model, function(instance) → listing ids) pairs: saving such a record changes those listings'
      index text (an activity renamed).
    """

    name: str
    extra_words: Callable[[list[int]], dict[int, list[str]]] | None = None
    findable: Callable[[], Q] | None = None
    in_area: Callable[[object], Q] | None = None
    feeds: tuple[tuple[type, Callable[[object], Iterable[int]]], ...] = ()


# Listing sources of the site search (nerima_portal/search), one per app that adds words or rules.
search_sources: Registry[SearchSource] = Registry("search sources")

# Items of the staff to-do list on the admin's first page (community.todo.TodoItem), one per waiting kind.
staff_todo: Registry = Registry("staff to-do items")
