"""Staff keep the search's 言いかえ (synonyms) as data."""

from django.contrib import admin

from nerima_portal.models import SearchSynonym
from nerima_portal.search import synonyms


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    list_display = ["words", "note"]
    search_fields = ["words", "note"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        synonyms.forget()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        synonyms.forget()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        synonyms.forget()
