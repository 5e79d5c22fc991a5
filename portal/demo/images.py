"""Demo images drawn with Pillow: layered mountain landscapes, no network needed."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from portal.demo.pages import current_session, record, recorded

WIDTH, HEIGHT = 1600, 900

PALETTES = {
    "dawn": [(246, 196, 142), (120, 160, 140), (72, 120, 96), (40, 84, 64), (22, 52, 40)],
    "mist": [(214, 226, 230), (150, 176, 170), (104, 140, 126), (64, 104, 88), (36, 70, 58)],
    "reed": [(250, 226, 170), (214, 180, 120), (160, 150, 96), (98, 116, 74), (52, 76, 50)],
    "dusk": [(234, 150, 120), (150, 110, 130), (96, 86, 110), (60, 62, 84), (34, 38, 56)],
    "forest": [(196, 224, 206), (112, 168, 120), (70, 130, 84), (40, 96, 60), (20, 60, 36)],
}


def _ridge(rng, base, amplitude, roughness=9):
    """Points of a mountain ridge across the image, from left to right."""
    points, x = [], 0
    while x <= WIDTH:
        points.append((x, base - rng.randint(0, amplitude)))
        x += WIDTH // rng.randint(roughness, roughness + 6)
    points.append((WIDTH, base - rng.randint(0, amplitude)))
    return points + [(WIDTH, HEIGHT), (0, HEIGHT)]


def draw_landscape(seed, palette="mist"):
    """A JPEG of layered ridges under a sky, as bytes; same seed, same picture."""
    rng = random.Random(seed)
    colours = PALETTES[palette]
    image = PILImage.new("RGB", (WIDTH, HEIGHT), colours[0])
    draw = ImageDraw.Draw(image)
    sky_top = tuple(max(0, c - 40) for c in colours[0])
    for y in range(HEIGHT // 2):
        t = y / (HEIGHT / 2)
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(sky_top, colours[0], strict=True)),
        )
    sun_x, sun_y = rng.randint(200, WIDTH - 200), rng.randint(120, 260)
    draw.ellipse([sun_x - 60, sun_y - 60, sun_x + 60, sun_y + 60], fill=(255, 240, 210))
    for layer, colour in enumerate(colours[1:], start=1):
        base = int(HEIGHT * (0.35 + 0.14 * layer))
        draw.polygon(_ridge(rng, base, 160 - 20 * layer), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def demo_image(key, title, palette="mist"):
    """The demo image named ``key``, created once; later runs reuse it.

    An image staff deleted is not drawn again (``None``) unless ``load_demo --reset``.
    """
    Image = get_image_model()
    filename = f"demo-{key}.jpg"
    record_key = f"image:{key}"
    was_made, existing = recorded(record_key, Image)
    if existing is None and not was_made:
        existing = Image.objects.filter(title=title, file__endswith=filename).first()
    if existing is not None:
        record(record_key, existing)
        return existing
    if was_made and not current_session().reset:
        return None
    data = draw_landscape(key, palette)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    record(record_key, image)
    return image
