from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404

from community.private_files import PrivateFileField, private_file_response


def private_file(request, label: str, pk: int, field: str):
    """A private document for whoever its model lets download it (owner organization, staff); 404 for anyone else."""
    if not request.user.is_authenticated:
        raise Http404
    try:
        model = apps.get_model(label)
        model_field = model._meta.get_field(field)
    except (LookupError, ValueError, FieldDoesNotExist):
        raise Http404 from None
    if not isinstance(model_field, PrivateFileField):
        raise Http404
    instance = get_object_or_404(model, pk=pk)
    field_file = getattr(instance, field)
    if not field_file or not instance.may_download(request.user):
        raise Http404
    return private_file_response(instance, field_file)
