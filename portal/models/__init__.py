from .base import BasePage
from .pages import HomePage, StandardPage
from .site_settings import ContactSettings

__all__ = ["BasePage", "ContactSettings", "HomePage", "StandardPage"]
