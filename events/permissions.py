"""Who may edit an event: the tree's rules, plus the commune editors of its venue.

Events live under the events index, so Wagtail's tree-based permissions alone would
keep commune editors out. ``EventPage.permissions_for_user`` returns this tester:
a member of a village's commune-editor group may edit (and so submit for
moderation) an event whose venue is that village or a place inside it. It never
grants publish, unpublish or delete.
"""

from wagtail.models import PagePermissionTester

from villages.staff import villages_edited_by


def venue_path(page):
    venue = getattr(page, "venue", None)
    return venue.path if venue is not None else None


class EventPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser:
            return
        path = venue_path(page)
        if path and any(path.startswith(village) for village in villages_edited_by(user)):
            self.permissions = set(self.permissions) | {"change"}
