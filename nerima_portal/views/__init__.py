"""Views of the site itself: home, search, calendar, text size, ふりがな and language."""
