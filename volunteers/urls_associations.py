"""URLs for 町会・自治会, 民生・児童委員, 協働推進員 and NPO support (namespace volunteers:)."""

urlpatterns: list = []
