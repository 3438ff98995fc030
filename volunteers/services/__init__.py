"""Writes and rules, one module per idea."""
