from .base import BasePage, IndexPage, page_tabs
from .demo import DemoRecord
from .numbers import NumbersPage
from .pages import HomePage, StandardPage
from .site_settings import ContactSettings

__all__ = [
    "BasePage",
    "DemoRecord",
    "IndexPage",
    "ContactSettings",
    "HomePage",
    "NumbersPage",
    "StandardPage",
    "page_tabs",
]
