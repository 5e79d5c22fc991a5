"""Uploads cannot hurt the site (issue 9): every bad image or document is a form error
in the editor's language, on the single and the multiple upload screens, never a 500.
The files are built here, byte by byte, from the PNG specification (RFC 2083)."""

import io
import json
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def one_bit_png(width, height):
    """A black-and-white PNG of width × height pixels, all white: a few kB on disk,
    width × height pixels once decoded."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def small_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (31, 95, 58)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("anh", "anh@example.org", "x")
    client.force_login(user)
    return user


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def upload_multiple(client, name, content):
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    assert response.status_code == 200
    return json.loads(response.content)


BAD_IMAGES = {
    # 48 kB that declare 20000 × 20000 = 400 million pixels (Pillow: a decompression bomb)
    "bomb.png": (lambda: one_bit_png(20000, 20000), "400000000|nhiều điểm ảnh"),
    # 15 kB, 11000 × 11000 = 121 million pixels: over the 40-megapixel limit
    "big.png": (lambda: one_bit_png(11000, 11000), "121000000|nhiều điểm ảnh"),
    "text.png": (lambda: PNG_SIGNATURE + b"this is not an image at all\n" * 20, "hỏng"),
    "cut.png": (lambda: one_bit_png(400, 300)[:-60], "hỏng"),
}


@pytest.mark.parametrize("name", list(BAD_IMAGES))
def test_a_bad_image_is_a_form_error_in_vietnamese_on_the_multiple_upload(client, editor, name):
    build, expected = BAD_IMAGES[name]
    speaks(editor, "vi")
    before = get_image_model().objects.count()
    answer = upload_multiple(client, name, build())
    assert answer["success"] is False
    assert any(word in answer["error_message"] for word in expected.split("|"))
    assert get_image_model().objects.count() == before


def test_an_english_editor_reads_the_image_error_in_english(client, editor):
    speaks(editor, "en")
    answer = upload_multiple(client, "text.png", PNG_SIGNATURE + b"hello" * 50)
    assert answer["success"] is False
    assert "damaged, cut short or not the kind of image" in answer["error_message"]


def test_the_single_image_form_shows_the_error_instead_of_failing(client, editor):
    speaks(editor, "en")
    response = client.post(
        "/admin/images/add/",
        {"title": "Bom", "file": SimpleUploadedFile("bomb.png", one_bit_png(20000, 20000))},
    )
    assert response.status_code == 200
    assert "more pixels than the limit of 40 million" in response.content.decode()


def test_a_sound_image_is_still_accepted(client, editor):
    answer = upload_multiple(client, "ruong-bac-thang.png", small_png())
    assert answer["success"] is True


def test_pillow_refuses_to_decode_far_beyond_the_upload_limit_for_renditions():
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(one_bit_png(11000, 11000)))


def document_form(name, content, size=None):
    uploaded = SimpleUploadedFile(name, content)
    if size is not None:
        uploaded.size = size  # as the upload handler reports it; no 50 MB written here
    form_class = get_document_form(get_document_model())
    return form_class({"title": name}, {"file": uploaded})


def test_a_50_mb_document_is_refused_with_its_size(vietnamese):
    form = document_form("ban-do.pdf", b"%PDF-1.7\n", size=50 * 1024 * 1024)
    assert not form.is_valid()
    assert "quá lớn (50,0\xa0MB)" in form.errors["file"][0] or "50" in form.errors["file"][0]


def test_a_gpx_document_keeps_the_route_importers_limit_of_5_mb(vietnamese):
    form = document_form("cung-duong.gpx", b"<gpx/>", size=6 * 1024 * 1024)
    assert not form.is_valid()
    assert "quá lớn" in form.errors["file"][0]


@pytest.mark.parametrize("name", ["trang.html", "script.js", "anh.svg", "chay.exe"])
def test_documents_outside_the_allowed_extensions_are_refused(vietnamese, name):
    form = document_form(name, b"<html><script>alert(1)</script></html>")
    assert not form.is_valid()
    assert ".pdf" in form.errors["file"][0]


def test_html_named_pdf_is_refused(vietnamese):
    form = document_form("lich.pdf", b"<html><script>alert(1)</script></html>")
    assert not form.is_valid()
    assert "không phải PDF" in form.errors["file"][0]


def test_a_real_pdf_within_the_limit_is_accepted(vietnamese):
    assert document_form("lich.pdf", b"%PDF-1.4\n%%EOF\n").is_valid()


def test_a_pdf_html_polyglot_is_only_ever_downloaded(client, vietnamese):
    form = document_form("da-ngon-ngu.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>")
    assert form.is_valid()
    document = form.save()
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # no script runs
