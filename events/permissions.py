"""Who may create and edit an event: the tree's rules, plus the commune editors of its venue.

Events live under the events index, not under a village, so Wagtail's tree-based
permissions alone would keep commune editors out. The mechanism, in three parts:

- every commune group gets Wagtail's "add" permission on the events index (the
  ``portal_commune_editor_pages`` hook in ``events/wagtail_hooks.py``): Wagtail then
  shows them the index in the explorer with its "add child page" action and lets
  them create events there;
- ``EventPage.permissions_for_user`` returns :class:`EventPermissionTester`: a member
  of a village's commune group may edit (and so submit for moderation) an event held
  in that village (its venue is the village, a page below it or an attraction related
  to it), whoever created it; "add" alone does not let them edit events held
  elsewhere, even ones they created. It never grants publish or unpublish, and
  deleting follows the tree's permissions only (their own unpublished drafts);
- ``events.forms.EventPageForm`` refuses, for a user whose rights over events come
  only from commune groups, a venue outside their villages, when creating an event
  and when editing one (so they cannot move an event elsewhere).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester

from villages.staff import place_in_villages, villages_edited_by

VENUE_OUTSIDE_VILLAGE = _(
    "You can only add events held in your own village: choose your village or a place in it."
)


def held_in_villages(page, village_paths):
    """True when the event ``page``'s venue is in one of the villages at ``village_paths``."""
    return place_in_villages(getattr(page, "venue_id", None), village_paths)


class EventPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.tree_permissions = set(getattr(self, "permissions", ()))
        if not user.is_active or user.is_superuser:
            return
        if held_in_villages(page, villages_edited_by(user)):
            self.permissions = self.tree_permissions | {"change"}

    def can_edit(self):
        if not self.user.is_active or self.user.is_superuser or "change" in self.permissions:
            return super().can_edit()
        # Only "add" (from the events index): owning an event held elsewhere is not enough.
        task = self.page.current_workflow_task
        return bool(task and task.user_can_access_editor(self.page, self.user))

    def can_delete(self, ignore_bulk=False):
        # The venue grants no deleting: only the tree's permissions count.
        if not self.user.is_active or self.user.is_superuser:
            return super().can_delete(ignore_bulk)
        granted, self.permissions = self.permissions, self.tree_permissions
        try:
            return super().can_delete(ignore_bulk)
        finally:
            self.permissions = granted


def limited_to_own_villages(user, parent):
    """True when ``user``'s rights over events under ``parent`` (the events index)
    come only from commune groups: no "change" on the index from the tree."""
    if user is None or not user.is_active or user.is_superuser:
        return False
    return "change" not in PagePermissionTester(user, parent).permissions


def venue_error(user, parent, venue):
    """The message refusing ``venue`` (a Page or None) to ``user``, or None when allowed."""
    if parent is None or not limited_to_own_villages(user, parent):
        return None
    if venue is not None and place_in_villages(venue.pk, villages_edited_by(user)):
        return None
    return VENUE_OUTSIDE_VILLAGE
