"""Views: the open data files and feeds (files), the read-only API (api)."""
