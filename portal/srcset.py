"""One source per width in a ``srcset``.

Wagtail never enlarges an image, so ``width-{480,800,1200}`` on an image 640 pixels
wide gives two 640-pixel renditions, and the ``srcset`` would list the width 640w
twice: HTML forbids that (the Nu Html Checker reports it). The first rendition of
each width is kept, always with its width descriptor (the tag keeps its ``sizes``,
which needs them). This is Wagtail issue #12389 and the change proposed upstream in
wagtail/wagtail PR #13837 (open as of 2026-11); remove this patch when Wagtail ships it.
"""

from wagtail.images.models import ResponsiveImage


def one_source_per_width():
    original = ResponsiveImage.get_width_srcset.__func__

    def get_width_srcset(cls, renditions_list):
        if len(renditions_list) == 1:
            return original(cls, renditions_list)
        kept = {}
        for rendition in renditions_list:
            kept.setdefault(rendition.width, rendition)
        return ", ".join(f"{r.url} {width}w" for width, r in kept.items())

    ResponsiveImage.get_width_srcset = classmethod(get_width_srcset)
