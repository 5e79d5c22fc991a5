"""Pages of mixed types as their specific models in one query.

Wagtail's ``PageQuerySet.specific()`` reads each page type's table in a query of its
own: ten search results of five types cost five queries, and more as the site gains
page types. ``specific_pages(queryset)`` instead follows every page model's
multi-table-inheritance link from ``Page`` in the same query (``select_related`` on the
reverse one-to-one links, a LEFT JOIN on the primary key per page type), with the
StreamField columns left out. Use it for short, already filtered lists (a page of
search results), not for whole tables: the query joins every page type's table.
"""

from functools import cache

from django.core.exceptions import ObjectDoesNotExist
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models


def _parent_link(model):
    """(parent page model, reverse accessor on it) of ``model``'s direct parent link."""
    for parent, link in model._meta.parents.items():
        if issubclass(parent, Page):
            return parent, link.remote_field.get_accessor_name()
    raise LookupError(f"{model.__name__} does not inherit from a page model")


@cache
def specific_paths():
    """{page model: lookup path from Page (``"villagepage"``, ``"a__b"``)} for every
    concrete page model but Page itself."""
    paths = {Page: ""}

    def path_of(model):
        if model not in paths:
            parent, accessor = _parent_link(model)
            parent_path = path_of(parent)
            paths[model] = f"{parent_path}__{accessor}" if parent_path else accessor
        return paths[model]

    for model in get_page_models():
        path_of(model)
    del paths[Page]
    return paths


@cache
def streamfield_lookups():
    """Lookups of every page model's own StreamField columns (each language's)."""
    return tuple(
        f"{path}__{field.name}"
        for model, path in specific_paths().items()
        for field in model._meta.local_concrete_fields
        if isinstance(field, StreamField)
    )


def as_specific(page):
    """``page`` as its specific model, from the rows ``specific_pages`` joined; the
    generic page if its type's row or model is missing."""
    model = page.specific_class
    path = specific_paths().get(model)
    if not path:
        return page
    found = page
    try:
        for accessor in path.split("__"):
            found = getattr(found, accessor)
    except ObjectDoesNotExist:
        return page
    return found


def joined(queryset):
    """``queryset`` (any Page queryset) reading every page type's own columns in the
    same query, StreamFields left out; :func:`as_specific` turns each row into its
    specific page. For a paginator or ``.iterator()``, which slice or stream it."""
    return queryset.select_related(*specific_paths().values()).defer(*streamfield_lookups())


def specific_pages(queryset):
    """The pages of ``queryset`` (any Page queryset, in its order) as their specific
    models, without StreamField bodies, in one SQL query. Returns a list."""
    return [as_specific(page) for page in joined(queryset)]
