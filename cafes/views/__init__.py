"""Views of the cafés section: public finders and pages, the print sheet, and マイ団体 self-service."""
