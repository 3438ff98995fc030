"""Café models: 街かどケアカフェ, 練馬こどもカフェ and the childcare lectures held there."""

from cafes.models.cafes import (
    TOKYO,
    Activity,
    CafeQuerySet,
    CareCafe,
    ChildcareLecture,
    KidsCafe,
    month_bounds,
    upcoming_sessions,
    venue_q,
)

__all__ = [
    "TOKYO",
    "Activity",
    "CafeQuerySet",
    "CareCafe",
    "ChildcareLecture",
    "KidsCafe",
    "month_bounds",
    "upcoming_sessions",
    "venue_q",
]
