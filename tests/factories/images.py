"""Small images for tests, drawn with Pillow (no files, no network)."""

import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

_counter = itertools.count(1)


def jpeg_bytes(width=640, height=400, colour=(90, 130, 110)):
    """A plain JPEG of ``width`` × ``height`` pixels, as bytes."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="JPEG", quality=70)
    return buffer.getvalue()


def make_image(title=None, width=640, height=400, colour=(90, 130, 110)):
    """A saved Wagtail image of ``width`` × ``height`` pixels titled ``title``."""
    n = next(_counter)
    title = title or f"Ảnh thử {n}"
    file = ImageFile(io.BytesIO(jpeg_bytes(width, height, colour)), name=f"test-image-{n}.jpg")
    return get_image_model().objects.create(title=title, file=file)
