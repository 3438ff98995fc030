"""What the initiative apps plug into the kernel, registered from their AppConfig.ready().

The kernel never names an initiative app: each app registers what it adds here (the modules that hold
personal data, its search sources, its calendar entries, its staff to-do items), and kernel and site code
iterate these registries. Registration is idempotent, so ready() may run twice in tests.
"""

from collections.abc import Iterator
from typing import Generic, TypeVar

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
# Items of the staff to-do list on the admin's first page (community.todo.TodoItem), one per waiting kind.
staff_todo: Registry = Registry("staff to-do items")
