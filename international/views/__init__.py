"""Views of the foreign-resident section."""
