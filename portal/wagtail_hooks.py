"""Admin wiring of the portal app: its own tools menu."""

from wagtail import hooks

from portal.admin_menu import tools_menu_item

hooks.register("register_admin_menu_item", tools_menu_item)
