import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community.uploads import clean_document, clean_image


def _jpeg_with_exif() -> SimpleUploadedFile:
    image = Image.new("RGB", (3000, 2000), "white")
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"  # Make
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_a_photo_is_shrunk_and_loses_its_exif():
    cleaned = clean_image(_jpeg_with_exif())
    image = Image.open(io.BytesIO(cleaned.read()))
    assert max(image.size) == 1600
    assert not image.getexif()


def test_a_renamed_exe_is_refused():
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 100, content_type="image/jpeg")
    with pytest.raises(ValidationError, match="画像として読み込めません"):
        clean_image(fake)


def test_an_svg_with_script_is_refused_as_a_document():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError, match="PDFまたは画像"):
        clean_document(SimpleUploadedFile("plan.svg", svg, content_type="image/svg+xml"))


def test_a_huge_pixel_png_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (6000, 4000)).save(buffer, format="PNG")
    with pytest.raises(ValidationError, match="2,000万画素"):
        clean_image(SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png"))


def test_a_pdf_is_accepted_by_its_header():
    pdf = SimpleUploadedFile("budget.pdf", b"%PDF-1.4\n%...", content_type="application/pdf")
    assert clean_document(pdf) is pdf


def test_a_file_over_the_size_cap_is_refused():
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    with pytest.raises(ValidationError, match="10MB"):
        clean_document(big)
