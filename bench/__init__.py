"""`make bench`: the portal at ward scale beside a bare Django page (see docs/performance.md)."""
