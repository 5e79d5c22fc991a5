"""Alphabetical order as each language's readers expect it (ICU collation).

Vietnamese: a ă â b c d đ e ê … o ô ơ … u ư …, tones unmarked, huyền, hỏi, ngã,
sắc, nặng. Not code points (which put Đ after Z). The rules come from ICU's CLDR
tailorings, never from a hand-written alphabet:

- in Python, through PyICU (the ``pyicu-wheels`` package: a wheel with ICU inside,
  so ``pip install`` needs no compiler or system ICU): :func:`sort_key`,
  :func:`sorted_by_name`;
- in SQL, ``ORDER BY … COLLATE "vi-x-icu"`` (:func:`collated`): PostgreSQL's own
  ICU collation; on SQLite the same name is registered on every connection with
  the same ICU collator (:func:`register_sqlite_collations`), so lists and API
  pages come out in the same order on both databases.
"""

from functools import lru_cache

import icu
from django.conf import settings
from django.db.models import F, QuerySet
from django.db.models.functions import Collate
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def language_tag(language):
    """Django's language code as a BCP 47 tag: 'vi' → 'vi', 'zh-hans' → 'zh-Hans'."""
    return icu.Locale(language.replace("-", "_")).toLanguageTag()


def collation_name(language):
    """'vi' → 'vi-x-icu', 'zh-hans' → 'zh-Hans-x-icu': PostgreSQL's predefined ICU
    collation for the language."""
    return f"{language_tag(language)}-x-icu"


@lru_cache(maxsize=8)
def collator(language):
    """The ICU collator of ``language`` (a Django code such as 'vi' or 'zh-hans')."""
    return icu.Collator.createInstance(icu.Locale(language.replace("-", "_")))


def current_language():
    """The active Django language code as it is ('vi', 'en', 'zh-hans'): it names the
    translated columns too (title_zh_hans)."""
    return get_language() or settings.LANGUAGE_CODE


def sort_key(text, language=None):
    """A bytes key that sorts ``text`` as the language's readers expect."""
    return collator(language or current_language()).getSortKey(text or "")


def sorted_by_name(items, name=lambda item: str(item), language=None):
    """``items`` sorted by ``name(item)`` in the language's alphabetical order."""
    language = language or current_language()
    return sorted(items, key=lambda item: sort_key(name(item), language))


def collated(field_name, language=None, translated=True):
    """An ``order_by`` expression: the language's column of ``field_name`` (or the
    field itself when ``translated`` is False) in the language's collation."""
    language = language or current_language()
    column = build_localized_fieldname(field_name, language) if translated else field_name
    return Collate(F(column), collation_name(language))


def collated_ordering(names, language=None, translated=("title",)):
    """``order_by`` arguments for names like 'title' or '-title': the ``translated``
    ones collated in the language, the others unchanged."""
    ordering = []
    for name in names:
        bare = name.lstrip("-")
        if bare not in translated:
            ordering.append(name)
            continue
        expression = collated(bare, language)
        ordering.append(expression.desc() if name.startswith("-") else expression.asc())
    return ordering


def register_sqlite_collations(sender, connection, **kwargs):
    """``connection_created`` receiver: the ICU collations under PostgreSQL's names."""
    if connection.vendor != "sqlite":
        return
    from modeltranslation import settings as mt_settings

    for code in mt_settings.AVAILABLE_LANGUAGES:
        compare = collator(code).compare
        connection.connection.create_collation(
            collation_name(code), lambda a, b, compare=compare: compare(a or "", b or "")
        )


def collate_ordering_of(queryset, translated, language=None):
    """``queryset`` re-ordered with its current ordering (or its model's default one)
    in which the ``translated`` field names are collated in the language: the admin's
    listings and choosers of name-sorted snippets (``ordering`` in Meta cannot hold
    expressions: modelcluster fails on them)."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    if not ordering or not all(isinstance(name, str) for name in ordering):
        return queryset
    # modeltranslation has already turned 'name' into the language's 'name_vi'
    columns = {
        build_localized_fieldname(field, code): field
        for field in translated
        for code, _label in settings.LANGUAGES
    }
    ordering = [
        ("-" if name.startswith("-") else "") + columns.get(name.lstrip("-"), name.lstrip("-"))
        for name in ordering
    ]
    if not any(name.lstrip("-") in translated for name in ordering):
        return queryset
    return queryset.order_by(*collated_ordering(ordering, language, translated=translated))


TITLE_ORDERINGS = ("title", "-title")


def collate_explorer_titles(parent_page, pages, request):
    """``construct_explorer_page_queryset`` hook: the admin's page listing sorted by
    its Title column (``?ordering=title`` or ``-title``) reads in the admin language's
    alphabetical order (ICU), not code points. While searching, the search backend
    does it (portal.search_backend, :func:`collate_searched_titles`)."""
    if request.GET.get("ordering") not in TITLE_ORDERINGS or request.GET.get("q"):
        return pages
    return collate_ordering_of(pages, ("title",))


def collate_searched_titles(queryset):
    """A queryset handed to the search backend with an explicit order by title (the
    admin's page search and page listing sorted by their Title column) ordered by the
    language's collation instead; anything else unchanged. Wagtail's database search
    backends accept ordering expressions."""
    if not isinstance(queryset, QuerySet):
        return queryset
    names = {field.name for field in queryset.model._meta.get_fields()}
    return collate_ordering_of(queryset, ("title",)) if "title" in names else queryset


def collate_chooser_titles(pages, request):
    """``construct_page_chooser_queryset`` hook: a page chooser for given page types
    (a venue, a route stop: the editor picks a named place) lists each level by title
    in the admin language's alphabetical order, as the public lists do. The generic
    link chooser keeps the tree order editors set; a search keeps its relevance."""
    page_type = request.GET.get("page_type", "")
    if request.GET.get("q") or page_type in ("", "wagtailcore.page"):
        return pages
    return pages.order_by(*collated_ordering(["title"]), "path")
