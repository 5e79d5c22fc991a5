"""One source per width in a ``srcset``.

Wagtail never enlarges an image, so ``width-{480,800,1200}`` on an image 640 pixels
wide gives two 640-pixel renditions, and the ``srcset`` would list the width 640w
twice: HTML forbids that (the Nu Html Checker reports it). The first rendition of
each width is kept.
"""

from wagtail.images.models import ResponsiveImage


def one_source_per_width():
    original = ResponsiveImage.get_width_srcset.__func__

    def get_width_srcset(cls, renditions_list):
        seen, kept = set(), []
        for rendition in renditions_list:
            if rendition.width not in seen:
                seen.add(rendition.width)
                kept.append(rendition)
        return original(cls, kept)

    ResponsiveImage.get_width_srcset = classmethod(get_width_srcset)
