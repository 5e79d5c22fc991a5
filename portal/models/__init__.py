from .base import BasePage, IndexPage, page_tabs
from .pages import HomePage, StandardPage
from .site_settings import ContactSettings

__all__ = ["BasePage", "IndexPage", "ContactSettings", "HomePage", "StandardPage", "page_tabs"]
