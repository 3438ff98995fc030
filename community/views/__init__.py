"""Community views, one module per idea (sessions and sign-ups, organizations, self-service)."""
