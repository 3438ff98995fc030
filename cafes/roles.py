"""Who may do what with the cafés (see community/roles.py and docs/roles.md)."""

from community.roles import COORDINATOR, EDITOR, FULL, REPRESENTATIVE, WARD_STAFF, declare, grant

for label in ("cafes.carecafe", "cafes.kidscafe", "cafes.childcarelecture"):
    declare(label, {
        WARD_STAFF: grant(FULL),
        COORDINATOR: grant(FULL),
        REPRESENTATIVE: grant("view:own_organization add:own_organization change:own_organization"),
        EDITOR: grant("view:own_organization add:own_organization change:own_organization"),
    })
declare("cafes.activity", {WARD_STAFF: grant(FULL), COORDINATOR: grant(FULL)})
