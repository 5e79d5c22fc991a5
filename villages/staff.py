"""Commune editors: one group per village, with rights on that village alone.

Each VillagePage gets a group "Biên tập viên xã: <village> (Commune editors)" when
it is created; the group is renamed with the village. Its page permissions (add,
change, lock) sit on the village page, so they cover the village and its homestays
through Wagtail's tree. Events live under the events index, not under a village:
the hook ``portal_commune_editor_pages`` lets other apps grant every commune group
permissions on their own pages (events: "add" on the events index, so commune
editors create events there), and ``events.permissions.EventPermissionTester`` grants
the group "change" on an event whose venue is the village or a place in it
(:func:`place_in_villages`).
"""

from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page

PREFIX = "Biên tập viên xã: "
SUFFIX = " (Commune editors)"
PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]


def group_name(village):
    return f"{PREFIX}{village.title_vi or village.title}{SUFFIX}"[:150]


def commune_group(village):
    """The commune-editor group of ``village``, or None."""
    return (
        Group.objects.filter(
            name__startswith=PREFIX,
            page_permissions__page_id=village.pk,
        )
        .distinct()
        .first()
    )


def ensure_commune_group(village):
    """Create the village's group, or rename it after the village. Returns it."""
    from portal.staff import _permission, set_page_permissions

    found = commune_group(village)
    name = group_name(village)
    if found is None:
        found, _created = Group.objects.get_or_create(name=name)
    elif found.name != name:
        found.name = name
        found.save(update_fields=["name"])
    set_page_permissions(found, village.pk, PAGE_PERMISSIONS)
    for page_id, codenames in other_pages():
        set_page_permissions(found, page_id, codenames)
    found.permissions.add(_permission("wagtailadmin", "access_admin"))
    for action in ("add", "choose"):
        found.collection_permissions.get_or_create(
            collection_id=_root_collection_id(),
            permission=_permission("wagtailimages", f"{action}_image"),
        )
    return found


def other_pages():
    """``[(page_id, ["add_page", ...])]`` that every commune group gets besides its
    village, from the ``portal_commune_editor_pages`` hooks (each returns such a list)."""
    return [grant for hook in hooks.get_hooks("portal_commune_editor_pages") for grant in hook()]


def _root_collection_id():
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


def ensure_commune_groups():
    from villages.models import VillagePage

    for village in VillagePage.objects.all():
        ensure_commune_group(village)


def villages_edited_by(user):
    """Tree paths (str) of the village pages whose commune group ``user`` belongs to;
    cached on ``user`` for the request, as Wagtail caches page permissions."""
    cached = getattr(user, "_portal_commune_villages", None)
    if cached is None:
        cached = list(
            GroupPagePermission.objects.filter(
                group__user=user,
                group__name__startswith=PREFIX,
                permission__codename="change_page",
            ).values_list("page__path", flat=True)
        )
        user._portal_commune_villages = cached
    return cached


def place_in_villages(page_id, village_paths):
    """True when the page ``page_id`` is one of the villages at ``village_paths``, a
    page below one (a homestay), or an attraction related to one. False for None."""
    if not page_id or not village_paths:
        return False
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first() or ""
    if any(path.startswith(village) for village in village_paths):
        return True
    from villages.models import AttractionPage

    return AttractionPage.objects.filter(pk=page_id, village__path__in=village_paths).exists()


def village_saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    ensure_commune_group(instance)
