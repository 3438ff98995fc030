"""The admin as the role matrix allows it: hidden fields stay hidden everywhere, read-only ones stay read-only.

Every ModelAdmin of the portal inherits RoleAwareAdmin. A field a role may not read is left out of the form, the
list, the filters, the search and the ordering; and the only lookups the changelist accepts in its URL are the
ones its own filters make, so `?message__contains=…` or `?phone__startswith=…` cannot be used to guess a value
(Django itself allows any lookup on the model's own fields).
"""

from django.contrib import admin
from django.contrib.admin.filters import SimpleListFilter
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models.constants import LOOKUP_SEP
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from community import roles
from community.roles import Level

SEARCH_PREFIXES = "^=@"


def lookup_path(model, lookup: str) -> list[str]:
    """The fields a lookup walks through: "user__email__icontains" → ["user", "email"] (transforms dropped)."""
    path: list[str] = []
    for part in lookup.split(LOOKUP_SEP):
        if part == "pk":
            part = model._meta.pk.name
        try:
            model_field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break
        path.append(model_field.name)
        if not model_field.is_relation or model_field.related_model is None:
            break
        model = model_field.related_model
    return path


def filter_path(model, lookup: str) -> tuple[str, ...]:
    """lookup_path without a trailing primary key of a related row: "area__id__exact" and "area" are one filter."""
    path = lookup_path(model, lookup)
    if len(path) >= 2:
        owner = model
        for name in path[:-1]:
            owner = owner._meta.get_field(name).related_model
        if owner._meta.pk.name == path[-1]:
            path = path[:-1]
    return tuple(path)


class RoleAwareAdmin(admin.ModelAdmin):
    """Fields, lists, filters, search, ordering and URL lookups cut to what the user's roles may read."""

    def field_level(self, request, name: str) -> Level:
        return roles.field_level(request.user, self.model, name)

    def in_scope_visible(self, request, obj) -> bool:
        """Whether fields the role reads only on its own rows (e.g. a consultation's content) show for `obj`."""
        return False

    def _shows(self, request, name, obj=None) -> bool:
        if not isinstance(name, str):
            return True  # a callable: it shows what its author chose
        level = self.field_level(request, name)
        return level >= Level.READ or (level == Level.IN_SCOPE and obj is not None and self.in_scope_visible(request, obj))

    def _readable_path(self, request, lookup: str) -> bool:
        path = lookup_path(self.model, lookup.lstrip(SEARCH_PREFIXES))
        return bool(path) and roles.path_readable(request.user, self.model, path)

    # --- the change form ---

    def get_fields(self, request, obj=None):
        return [name for name in super().get_fields(request, obj) if self._shows(request, name, obj)]

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for title, options in super().get_fieldsets(request, obj):
            fields = []
            for entry in options.get("fields", ()):
                if isinstance(entry, (list, tuple)):
                    kept = [name for name in entry if self._shows(request, name, obj)]
                    if kept:
                        fields.append(tuple(kept))
                elif self._shows(request, entry, obj):
                    fields.append(entry)
            if fields:
                fieldsets.append((title, {**options, "fields": fields}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        for name in self._declared_form_fields():
            if name not in readonly and self.field_level(request, name) < Level.WRITE:
                readonly.append(name)
        return readonly

    def _declared_form_fields(self) -> list[str]:
        """The form's fields as declared (asking the form itself would ask for the read-only fields again)."""
        if self.fieldsets:
            return flatten_fieldsets(self.fieldsets)
        if self.fields:
            return flatten_fieldsets([(None, {"fields": self.fields})])
        excluded = set(self.exclude or ())
        return [
            f.name for f in self.model._meta.get_fields()
            if (f.concrete or f.many_to_many) and not f.auto_created and getattr(f, "editable", False)
            and f.name not in excluded
        ]

    # --- the change list ---

    def get_list_display(self, request):
        return [name for name in super().get_list_display(request) if self._listable(request, name)]

    def _listable(self, request, name) -> bool:
        if not isinstance(name, str) or not lookup_path(self.model, name):
            return True  # __str__, a method or a callable column
        return self._readable_path(request, name)

    def get_list_filter(self, request):
        kept = []
        for item in super().get_list_filter(request):
            if isinstance(item, type) and issubclass(item, SimpleListFilter):
                kept.append(item)  # its own parameter, its own queryset
            elif self._readable_path(request, item[0] if isinstance(item, (list, tuple)) else item):
                kept.append(item)
        return kept

    def get_search_fields(self, request):
        return [name for name in super().get_search_fields(request) if self._readable_path(request, name)]

    def lookup_allowed(self, lookup, value, request=None):
        """Only what the list's own filters, date drill-down and raw-id pop-ups ask for; nothing the user cannot read."""
        if request is None:
            return False
        for fk_lookup in self.model._meta.related_fkey_lookups:
            # Pop-ups of raw-id widgets filter by the relation's limit_choices_to (Django's own rule).
            if callable(fk_lookup):
                fk_lookup = fk_lookup()
            if (lookup, value) in admin.widgets.url_params_from_lookup_dict(fk_lookup).items():
                return self._readable_path(request, lookup)
        simple, paths = set(), set()
        for item in self.get_list_filter(request):
            if isinstance(item, type) and issubclass(item, SimpleListFilter):
                simple.add(item.parameter_name)
            else:
                paths.add(filter_path(self.model, item[0] if isinstance(item, (list, tuple)) else item))
        if self.date_hierarchy:
            paths.add(filter_path(self.model, self.date_hierarchy))
        if not lookup_path(self.model, lookup):
            return lookup in simple
        return filter_path(self.model, lookup) in paths and self._readable_path(request, lookup)

    # --- export ---

    def has_export_permission(self, request) -> bool:
        return request.user.has_perm(roles.export_permission(self.model))


SELF_EDIT_REFUSED = _("自分自身を加えたり、外したり、役割を変えたりすることはできません。ほかの担当者に依頼してください。")


class NotOneselfFormSet(BaseInlineFormSet):
    """Inline rows that name the signed-in user (memberships, assignments) are never added, changed or removed by them."""

    user_field = "user"
    request_user = None

    def clean(self):
        super().clean()
        me = getattr(self.request_user, "pk", None)
        for form in self.forms:
            if not form.has_changed() and not self._should_delete_form(form):
                continue
            before = form.initial.get(self.user_field)
            after = (form.cleaned_data or {}).get(self.user_field)
            if me is not None and me in (getattr(before, "pk", before), getattr(after, "pk", after)):
                raise ValidationError(SELF_EDIT_REFUSED, code="oneself")


class NotOneselfInline(admin.TabularInline):
    """A tabular inline whose rows name a user; that user may not edit their own row (see NotOneselfFormSet)."""

    formset = NotOneselfFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request_user = request.user
        return formset
