"""volunteers views, one module per idea."""
