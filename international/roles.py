"""Who may do what with the pages for foreign residents (see community/roles.py and docs/roles.md)."""

from community.roles import COORDINATOR, FULL, WARD_STAFF, declare, grant

for label in (
    "international.japaneseclass", "international.exchangeevent",
    "international.foreignresidentdesk", "international.desklanguageday", "international.landingsection",
):
    declare(label, {WARD_STAFF: grant(FULL), COORDINATOR: grant(FULL)})
