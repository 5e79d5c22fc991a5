"""Image renditions in the API whose alt text follows the request's language.

Wagtail's image titles are not translated (the demo's read "… (ảnh minh họa)"), so
``ImageRenditionField`` would give Vietnamese alt text to an English request. Here
the alt text is the title of the page the image illustrates, in the active language.
"""

from wagtail.images.api.fields import ImageRenditionField


class PageImageRenditionField(ImageRenditionField):
    """{"url", "full_url", "width", "height", "alt"}: alt is the page's translated title."""

    def get_attribute(self, instance):
        self._page = instance
        return super().get_attribute(instance)

    def to_representation(self, image):
        data = super().to_representation(image)
        page = getattr(self, "_page", None)
        if "alt" in data and page is not None and getattr(page, "title", ""):
            data["alt"] = str(page.title)
        return data
