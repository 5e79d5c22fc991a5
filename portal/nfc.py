"""Every text response leaves the portal in Unicode NFC.

Vietnamese can be written with precomposed letters ("ệ", NFC) or with a base letter and
combining marks ("e" + "̂" + "̣", NFD); both look alike, but search, sorting, copy and
paste, screen readers and string comparisons treat them differently. Text reaches the
pages from many sources (editors' pastes, Django's language names, libraries), so
the last step normalises the body of every text response: HTML, JSON, XML, calendars,
feeds, GPX. Bodies already in NFC (the usual case) are left untouched.
"""

import unicodedata

TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")
TEXT_SUFFIXES = ("+json", "+xml")


def is_text(content_type):
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    return kind.startswith(TEXT_TYPES) or kind.endswith(TEXT_SUFFIXES)


def nfc_bytes(body, charset):
    """``body`` with its text in NFC (same bytes when it already is, or is not text)."""
    try:
        text = body.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return body
    if unicodedata.is_normalized("NFC", text):
        return body
    return unicodedata.normalize("NFC", text).encode(charset)


class NFCMiddleware:
    """Normalises the body of non-streaming text responses to NFC (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "streaming", False) or response.has_header("Content-Encoding"):
            return response
        if not is_text(response.get("Content-Type")):
            return response
        body = nfc_bytes(response.content, response.charset or "utf-8")
        if body is not response.content:
            response.content = body
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(body))
        return response
