"""Forms, one module per idea."""
