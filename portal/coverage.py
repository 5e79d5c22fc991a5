"""Translation coverage: which live pages have a translatable field filled in one
language of the site but empty in another, grouped by section.

Fields come from modeltranslation's registry (``get_options_for_model``) and
languages from ``settings.LANGUAGES``, so a new language or field needs no change
here. Only the page's own fields count (not gallery captions).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from portal.i18n import language_codes

# Columns modeltranslation adds to every page that are not content.
TECHNICAL_FIELDS = {"slug", "url_path", "seo_title", "search_description"}


def translatable_fields(model):
    """Names (without language suffix) of the model's translated content fields."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(name for name in options.all_fields if name not in TECHNICAL_FIELDS)


def is_empty(value):
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value) == 0
    return str(value).strip() == ""


def missing_fields(page, language):
    """Fields empty in ``language`` but filled in another language of the site."""
    others = [code for code in language_codes() if code != language]
    missing = []
    for name in translatable_fields(type(page)):
        if not is_empty(getattr(page, build_localized_fieldname(name, language), None)):
            continue
        if any(
            not is_empty(getattr(page, build_localized_fieldname(name, code), None))
            for code in others
        ):
            missing.append(name)
    return missing


@dataclass
class Gap:
    """One live page lacking text in one language."""

    page: Page
    section: str
    language: str
    fields: list

    @property
    def page_id(self):
        return self.page.pk

    @property
    def title(self):
        return self.page.title

    @property
    def field_labels(self):
        model = type(self.page)
        return ", ".join(str(model._meta.get_field(name).verbose_name) for name in self.fields)


@dataclass
class SectionCoverage:
    section: str
    pages: int = 0
    complete: dict = field(default_factory=dict)  # language → pages with nothing missing

    def percent(self, language):
        return round(100 * self.complete.get(language, 0) / self.pages) if self.pages else 100


def live_pages():
    """Every live page below Wagtail's root, as its specific type, in tree order."""
    return Page.objects.live().filter(depth__gt=1).order_by("path").specific()


def section_titles(pages):
    """{path of each section page (a child of a site's home page): title}."""
    homes = {page.path for page in pages if page.depth == 2}
    return {page.path: page.title for page in pages if page.path[:-4] in homes or page.depth == 2}


def section_of(page, sections):
    for depth in (3, 2):
        title = sections.get(page.path[: depth * Page.steplen])
        if title is not None:
            return title
    return str(_("Other"))


def coverage(pages=None):
    """(gaps, sections): every Gap, and a SectionCoverage per section in tree order."""
    pages = list(live_pages() if pages is None else pages)
    sections_by_path = section_titles(pages)
    gaps, sections = [], {}
    for page in pages:
        section = section_of(page, sections_by_path)
        summary = sections.setdefault(section, SectionCoverage(section))
        summary.pages += 1
        for language in language_codes():
            missing = missing_fields(page, language)
            if missing:
                gaps.append(Gap(page, section, language, missing))
            else:
                summary.complete[language] = summary.complete.get(language, 0) + 1
    return gaps, list(sections.values())


CACHE_KEY = "portal:translation-coverage:{home}:{language}"
CACHE_SECONDS = 6 * 3600


def cached_sections(home_page):
    """``coverage()``'s sections under ``home_page``, cached per language until a page
    changes (see ``forget_coverage``); computing them reads every page type's table."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    key = CACHE_KEY.format(home=home_page.pk, language=get_language())
    sections = cache.get(key)
    if sections is None:
        pages = live_pages().descendant_of(home_page, inclusive=True)
        _gaps, sections = coverage(pages)
        cache.set(key, sections, CACHE_SECONDS)
    return sections


def forget_coverage(sender, instance=None, **kwargs):
    """Signal receiver: any saved or deleted page makes the cached coverage stale."""
    if not isinstance(instance, Page):
        return
    from django.core.cache import cache

    for home in Page.objects.filter(depth=2).values_list("pk", flat=True):
        cache.delete_many([CACHE_KEY.format(home=home, language=code) for code in language_codes()])


# The page explorer's "missing translation" filter (see portal.wagtail_hooks).
MISSING_PARAMETER = "missing"


def pages_missing(language, parent):
    """Primary keys of the pages below ``parent`` (drafts included, as the explorer
    lists them) with a translatable field empty in ``language`` but filled in another
    language of the site."""
    pages = Page.objects.descendant_of(parent).specific()
    return [page.pk for page in pages if missing_fields(page, language)]


def filter_missing(parent_page, pages, request):
    """``construct_explorer_page_queryset`` hook: ``?missing=en`` lists the pages
    anywhere below the explored page that lack English (any language of the site).

    The explorer hands over the children of the page only (it searches the whole
    subtree when one of its own filters is set); OR-ing with the matching pages and
    filtering again keeps Wagtail's permission filter, ordering and annotations."""
    language = request.GET.get(MISSING_PARAMETER, "")
    if language not in language_codes():
        return pages
    from wagtail.permissions import page_permission_policy

    explorable = page_permission_policy.explorable_instances(request.user)
    keys = explorable.filter(pk__in=pages_missing(language, parent_page)).values_list(
        "pk", flat=True
    )
    matching = Page.objects.filter(pk__in=list(keys))
    return (pages | matching).filter(pk__in=matching.values("pk"))
