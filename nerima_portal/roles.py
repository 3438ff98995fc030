"""Who may keep the site-wide records of the portal (see community/roles.py and docs/roles.md)."""

from community.roles import FULL, WARD_STAFF, declare, grant

# 検索の言いかえ: what residents type and what the portal calls it; kept by 区職員.
declare("nerima_portal.searchsynonym", {WARD_STAFF: grant(FULL)})
# The search's own index (readings of listings and organizations), rebuilt from the records: nobody edits it.
for _label in ("nerima_portal.listingsearchtext", "nerima_portal.organizationsearchtext"):
    declare(_label, {})
