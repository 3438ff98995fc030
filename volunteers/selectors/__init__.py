"""Reads that span several models, used inside volunteers only (other apps use volunteers.queries)."""
