"""Image renditions in the API whose alt text follows the request's language.

Wagtail's image titles are not translated (the demo's read "… (ảnh minh họa)"), so
``ImageRenditionField`` would give Vietnamese alt text to an English request. Here
the alt text is the title of the page the image illustrates, in the active language.
"""

from wagtail.images.api.fields import ImageRenditionField

from portal.address import absolute_url


class AbsoluteImageRenditionField(ImageRenditionField):
    """Wagtail's rendition field with ``url`` on the public address (it is relative
    with local media): {"url": "http://host:port/media/images/…", "full_url": …,
    "width": 480, "height": 300, "alt": "…"}."""

    def to_representation(self, image):
        data = super().to_representation(image)
        if isinstance(data, dict) and data.get("url"):
            data["url"] = absolute_url(data["url"])
            data["full_url"] = absolute_url(data.get("full_url") or data["url"])
        return data


class PageImageRenditionField(AbsoluteImageRenditionField):
    """{"url", "full_url", "width", "height", "alt"}: absolute URLs; alt is the page's
    translated title."""

    def get_attribute(self, instance):
        self._page = instance
        return super().get_attribute(instance)

    def to_representation(self, image):
        data = super().to_representation(image)
        page = getattr(self, "_page", None)
        if "alt" in data and page is not None and getattr(page, "title", ""):
            data["alt"] = str(page.title)
        return data
