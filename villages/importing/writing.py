"""Saving validated rows: new pages under their village, new revisions of existing
ones; published when the importer may publish, otherwise sent to moderation.

A small writer of its own rather than portal.demo.pages.upsert_page: the demo
loader publishes unconditionally and matches by slug, an import matches by key
and must respect the importer's permissions and the workflow.
"""

from django.utils import translation

from portal.i18n import default_language


def can_publish(page, user):
    return user is None or page.permissions_for_user(user).can_publish()


def write(planned, user=None):
    """Save one PlannedRow. Returns "published", "moderation" or "draft"."""
    page = planned.page
    with translation.override(default_language()):
        if planned.created:
            del page._cached_parent_obj
            page.path = ""
            page.live = False
            planned.village.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if can_publish(page, user):
            revision.publish(user=user)
            return "published"
        workflow = page.get_workflow()
        if workflow is None:
            return "draft"
        if not page.workflow_in_progress:
            workflow.start(page, user)
        return "moderation"
