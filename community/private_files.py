"""Private documents (grant attachments, report photos, subsidy reports): never under a public URL.

They are stored in the "private" storage (PRIVATE_MEDIA_ROOT, outside every root the web server
publishes) under generated names, so a name can neither be guessed nor carry the uploader's extension.
`file.url` points at one permission-checked view (community.views.private_files), which asks the
owning model's `may_download(user)` and answers as an attachment with a content type decided here;
nginx sends the bytes when PRIVATE_MEDIA_X_ACCEL_PREFIX is set (X-Accel-Redirect), else Django streams them.
"""

import re
import uuid
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header

# The only kinds of file the portal keeps, and the type it says they are (never the uploader's word).
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT (read when used, so a test can move it); they have no URL of their own."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("A private file has no public URL: use the field's .url (the permission-checked view)")


def private_storage():
    return storages["private"]


@deconstructible
class GeneratedName:
    """upload_to: `<folder>/<random hex><extension>`; the extension is kept only if it is one we serve."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()
        return f"{self.folder}/{uuid.uuid4().hex}{suffix if suffix in CONTENT_TYPES else ''}"

    def __eq__(self, other) -> bool:
        return isinstance(other, GeneratedName) and other.folder == self.folder


class PrivateFieldFile(FieldFile):
    @property
    def url(self) -> str:
        self._require_file()
        meta = self.instance._meta
        return reverse("community:private_file", args=[meta.label_lower, self.instance.pk, self.field.name])


class PrivateFileField(models.FileField):
    """A FileField in the private storage whose URL is the permission-checked download view."""

    attr_class = PrivateFieldFile

    def __init__(self, *args, **kwargs):
        kwargs["storage"] = private_storage
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        return name, path, args, kwargs


def download_name(instance, field_file) -> str:
    """What the browser saves the file as: the record's own name (e.g. 見積書.pdf), never a path."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", str(instance)).strip()[:80] or "file"
    return stem + PurePosixPath(field_file.name).suffix.lower()


def private_file_response(instance, field_file) -> HttpResponse:
    """The file as an attachment, its type from our list; through nginx when X-Accel is configured."""
    content_type = CONTENT_TYPES.get(PurePosixPath(field_file.name).suffix.lower(), "application/octet-stream")
    prefix = settings.PRIVATE_MEDIA_X_ACCEL_PREFIX
    if prefix:
        if not field_file.storage.exists(field_file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
    else:
        try:
            response = FileResponse(field_file.storage.open(field_file.name, "rb"), content_type=content_type)
        except FileNotFoundError:
            raise Http404 from None
    response["Content-Disposition"] = content_disposition_header(True, download_name(instance, field_file))
    return response
