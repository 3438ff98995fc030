"""Admin for the Power-Up College and volunteer openings."""
