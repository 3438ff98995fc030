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


@pytest.mark.parametrize("name, content", [
    ("page.html", b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>"),  # %PDF- + .html
    ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF"),  # a real PDF renamed .html
    ("plan.svg", b"%PDF-1.4\n"),
    ("budget", b"%PDF-1.4\n"),
])
def test_a_pdf_whose_name_is_not_pdf_is_refused(name, content):
    with pytest.raises(ValidationError, match="一致しません") as refused:
        clean_document(SimpleUploadedFile(name, content, content_type="application/pdf"))
    assert refused.value.code == "extension_mismatch"


def test_an_exe_renamed_pdf_is_refused():
    fake = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf")
    with pytest.raises(ValidationError, match="PDFまたは画像"):
        clean_document(fake)


def test_a_png_renamed_pdf_is_refused_as_a_document():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    with pytest.raises(ValidationError, match="PDFまたは画像"):
        clean_document(SimpleUploadedFile("budget.pdf", buffer.getvalue(), content_type="application/pdf"))


@pytest.mark.parametrize("name", ["photo.html", "photo.jpg", "photo", "photo.pdf"])
def test_an_image_whose_name_says_another_kind_is_refused(name):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="PNG")
    with pytest.raises(ValidationError, match="一致しません"):
        clean_image(SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png"))


@pytest.mark.parametrize("name", ["photo.jpg", "photo.JPEG"])
def test_a_jpeg_named_jpg_or_jpeg_is_accepted(name):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="JPEG")
    cleaned = clean_image(SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg"))
    assert cleaned.name == "photo.jpg" and cleaned.content_type == "image/jpeg"
