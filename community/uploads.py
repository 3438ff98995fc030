"""Uploads are checked by extension and content together, capped in size and pixels, and images are re-encoded without EXIF.

Every form that accepts a photo, logo or attachment uses these fields, so the rule exists once.
"""

import io
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 20_000_000
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_EDGE = 1600
# Only raster formats we re-encode ourselves; SVG (which can carry script) is never accepted.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png"}
# The name must say what the content is: a PDF called .html (or an .exe called .pdf) is refused.
IMAGE_EXTENSIONS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}, "GIF": {".gif"}}
PDF_MAGIC = b"%PDF-"


def _extension(upload) -> str:
    return Path(upload.name or "").suffix.lower()


def _refuse_mismatch(upload, kind: str):
    raise ValidationError(
        _("ファイルの名前（拡張子「%(ext)s」）と中身（%(kind)s）が一致しません。正しい種類のファイルを選んでください。")
        % {"ext": _extension(upload) or _("なし"), "kind": kind},
        code="extension_mismatch",
    )

# Pillow refuses to open larger images at all (decompression-bomb guard).
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def _read_image(upload) -> Image.Image:
    upload.seek(0)
    try:
        image = Image.open(upload)
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise ValidationError(
                _("画像が大きすぎます（2,000万画素まで）。縮小してからもう一度お送りください。"), code="too_many_pixels"
            )
        if image.format not in IMAGE_FORMATS:
            raise ValidationError(_("JPEG・PNG・WebP形式の画像を選んでください。"), code="format")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(
            _("画像として読み込めませんでした。JPEG・PNG・WebP形式の画像を選んでください。"), code="not_image"
        ) from None
    return image


def clean_image(upload, *, max_bytes: int = MAX_IMAGE_BYTES) -> SimpleUploadedFile:
    """Verify an uploaded image and return a re-encoded copy: EXIF stripped, longest edge at most 1600px."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("ファイルが大きすぎます（%(mb)sMBまで）。") % {"mb": max_bytes // (1024 * 1024)}, code="too_large"
        )
    image = _read_image(upload)
    source_format = image.format
    if _extension(upload) not in IMAGE_EXTENSIONS[source_format]:
        _refuse_mismatch(upload, _("%(format)s形式の画像") % {"format": source_format})
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant, then drop EXIF
    image.thumbnail((MAX_EDGE, MAX_EDGE))
    out_format = "JPEG" if source_format == "JPEG" else ("WEBP" if source_format == "WEBP" else "PNG")
    if out_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=out_format, quality=85)  # no exif= argument: metadata is not written
    extension = IMAGE_FORMATS[source_format] if source_format != "GIF" else "png"
    name = f"{Path(upload.name).stem[:60] or 'image'}.{extension}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{extension.replace('jpg', 'jpeg')}")


def clean_document(upload, *, max_bytes: int = MAX_DOCUMENT_BYTES, pdf_only: bool = False):
    """Accept a PDF (its header and a .pdf name) or, unless pdf_only, an image (checked and re-encoded as above)."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("ファイルが大きすぎます（%(mb)sMBまで）。") % {"mb": max_bytes // (1024 * 1024)}, code="too_large"
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head == PDF_MAGIC:
        if _extension(upload) != ".pdf":
            _refuse_mismatch(upload, "PDF")
        return upload
    if pdf_only:
        raise ValidationError(_("PDFファイルを選んでください。"), code="not_pdf")
    try:
        if _extension(upload) == ".pdf":
            raise ValidationError("not a PDF", code="not_document")  # named .pdf, but something else inside
        return clean_image(upload, max_bytes=max_bytes)
    except ValidationError as error:
        if error.code in ("too_many_pixels", "extension_mismatch"):
            raise
        raise ValidationError(
            _("PDFまたは画像（JPEG・PNG・WebP）のファイルを選んでください。"), code="not_document"
        ) from None


class VerifiedImageField(forms.FileField):
    """A form field for photos and logos: returns the cleaned, EXIF-free image."""

    def __init__(self, *args, max_bytes: int = MAX_IMAGE_BYTES, **kwargs):
        self.max_bytes = max_bytes
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is not initial and hasattr(value, "read"):
            return clean_image(value, max_bytes=self.max_bytes)
        return value


class VerifiedDocumentField(forms.FileField):
    """A form field for attachments: PDF or image (or PDF only), 10 MB at most."""

    def __init__(self, *args, max_bytes: int = MAX_DOCUMENT_BYTES, pdf_only: bool = False, **kwargs):
        self.max_bytes = max_bytes
        self.pdf_only = pdf_only
        accept = "application/pdf" if pdf_only else "application/pdf,image/jpeg,image/png,image/webp"
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is not initial and hasattr(value, "read"):
            return clean_document(value, max_bytes=self.max_bytes, pdf_only=self.pdf_only)
        return value
