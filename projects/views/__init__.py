"""Views of 地域おこしプロジェクト: public pages, the group's application steps, reports and consultations."""
