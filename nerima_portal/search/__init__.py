"""Site-wide search: folding (folding.py), the index kept fresh on read (index.py), queries (query.py)."""
