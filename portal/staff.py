"""Staff roles, the moderation workflow and the admin language, set up idempotently.

:func:`ensure_roles` is run by ``migrate`` (post_migrate) and ``prepare``:

- "Biên tập viên huyện (District editors)", Wagtail's "Editors" group renamed:
  add and change every page and submit for moderation; no publish, unpublish or
  bulk delete (Wagtail then forbids deleting live pages); add images and documents.
- "Kiểm duyệt viên (Moderators)", Wagtail's "Moderators" renamed: also publish,
  unpublish, delete, lock; all images, documents and snippets.
- One commune-editor group per village (``villages.staff``).
- One workflow, Wagtail's "Moderators approval" (a group-approval task for the
  moderators) on the root page, so it covers the whole tree.
- Staff accounts default to Vietnamese in the admin (:func:`prefer_vietnamese`).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

DISTRICT_EDITORS = "Biên tập viên huyện (District editors)"
MODERATORS = "Kiểm duyệt viên (Moderators)"
WORKFLOW = "Kiểm duyệt (Moderators approval)"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
EDITOR_MEDIA = ["add", "choose"]
MODERATOR_MEDIA = ["add", "change", "choose", "delete"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def group(name, former_name=None):
    """The group called ``name``; Wagtail's ``former_name`` group is renamed to it."""
    found = Group.objects.filter(name=name).first()
    if found is None and former_name:
        found = Group.objects.filter(name=former_name).first()
        if found is not None:
            found.name = name
            found.save(update_fields=["name"])
    return found or Group.objects.create(name=name)


def set_page_permissions(group, page_id, codenames):
    """Exactly these page permissions for ``group`` on the page ``page_id`` and below."""
    from wagtail.models import GroupPagePermission

    wanted = [_permission("wagtailcore", codename) for codename in codenames]
    GroupPagePermission.objects.filter(group=group, page_id=page_id).exclude(
        permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )


def _set_collection_permissions(group, actions):
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(app_label, f"{action}_{model}")
            )


def _snippet_permissions():
    from wagtail.snippets.models import get_snippet_models

    codenames = []
    for model in get_snippet_models():
        meta = model._meta
        for action in ("add", "change", "delete", "view"):
            codenames.append((meta.app_label, f"{action}_{meta.model_name}"))
    return [
        p
        for app_label, codename in codenames
        for p in Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    ]


def root_page_id():
    """The tree's root, by id only (safe before modeltranslation adds its columns)."""
    from wagtail.models import Page

    return Page.objects.filter(depth=1).order_by("path").values_list("pk", flat=True).first()


def ensure_workflow(moderators, root_id):
    """Wagtail's group-approval workflow for ``moderators`` on the root page."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    link = WorkflowPage.objects.filter(page_id=root_id).select_related("workflow").first()
    workflow = link.workflow if link else None
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
        WorkflowPage.objects.create(page_id=root_id, workflow=workflow)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = next(
        (t.specific for t in workflow.tasks if isinstance(t.specific, GroupApprovalTask)), None
    )
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATORS)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.groups.add(moderators)
    return workflow


@transaction.atomic
def ensure_roles(villages=True):
    """Create or bring up to date the staff groups and the workflow. Idempotent.

    ``villages=False`` skips the commune groups (right after migrate, before
    modeltranslation has added its columns; VillagePage saves create them anyway).
    """
    root = root_page_id()
    if root is None:
        return
    access_admin = _permission("wagtailadmin", "access_admin")
    editors = group(DISTRICT_EDITORS, former_name="Editors")
    moderators = group(MODERATORS, former_name="Moderators")
    set_page_permissions(editors, root, EDITOR_PAGE_PERMISSIONS)
    set_page_permissions(moderators, root, MODERATOR_PAGE_PERMISSIONS)
    _set_collection_permissions(editors, EDITOR_MEDIA)
    _set_collection_permissions(moderators, MODERATOR_MEDIA)
    editors.permissions.add(access_admin)
    moderators.permissions.add(access_admin, *_snippet_permissions())
    ensure_workflow(moderators, root)
    if villages:
        from villages.staff import ensure_commune_groups

        ensure_commune_groups()


def prefer_vietnamese(sender, instance, created, **kwargs):
    """A new account's admin speaks Vietnamese whatever the browser says (English
    stays selectable in Account → Preferences)."""
    if not created:
        return
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = "vi"
        profile.save(update_fields=["preferred_language"])


def run_after_migrate(sender, **kwargs):
    if sender.name == "portal":
        ensure_roles(villages=False)
