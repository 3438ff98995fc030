"""Writes and rules of 地域おこしプロジェクト, one module per idea."""
