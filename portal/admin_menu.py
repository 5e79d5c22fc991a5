"""The portal's own admin menu ("Portal tools"). Apps add an item with

@hooks.register("register_portal_tools_menu_item")
def my_item():
    return MenuItem(label, url, icon_name=...)
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem

HOOK = "register_portal_tools_menu_item"

tools_menu = Menu(register_hook_name=HOOK)


def tools_menu_item():
    return SubmenuMenuItem(
        _("Portal tools"), tools_menu, icon_name="cogs", name="portal-tools", order=850
    )
