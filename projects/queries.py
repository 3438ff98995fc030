"""What other apps may ask of projects (they never reach into projects' models directly)."""


def fiscal_year_tables(part: str, fiscal_year):
    """The yearly figures of "grants" (community.figures tables, counts and amounts only)."""
    from projects import figures

    return {"grants": figures.grant_tables}[part](fiscal_year)
