"""URL converters: ``<id:pk>`` matches a database id (ASCII digits, 1 .. 2**63-1).

Django's ``<int:pk>`` matches any length of digits, and a lookup beyond the database's
64-bit range fails in the database (a 500); ``<id:pk>`` makes such a path a 404.
Registered by PortalConfig.ready().
"""

from portal.params import parse_id


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)
