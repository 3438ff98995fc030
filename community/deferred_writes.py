"""Rows derived from others (a listing's next session, its search row) written once at the end of a block of writes
instead of at each save of what they are derived from: a loader saving hundreds of sessions or a café three times
paid for each. Nothing inside the block may read the derived rows; if the block fails, nothing is written."""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar


class DeferredWrites:
    def __init__(self, name: str, write: Callable[[set[int]], object]):
        self._pending: ContextVar[set[int] | None] = ContextVar(name, default=None)
        self._write = write

    def collected(self, ids: Callable[[], Iterable[int]]) -> bool:
        """Inside deferred(): note ids() for the block's end and say so; outside, False (write them now)."""
        pending = self._pending.get()
        if pending is None:
            return False
        pending.update(pk for pk in ids() if pk is not None)
        return True

    @contextmanager
    def deferred(self):
        pending: set[int] = set()
        token = self._pending.set(pending)
        try:
            yield
        finally:
            self._pending.reset(token)
        self._write(pending)  # only when the block succeeded: an exception leaves before this line
