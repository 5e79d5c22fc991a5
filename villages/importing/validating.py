"""Every row becomes an unsaved (or updated, unsaved) HomestayPage validated with the
model's own rules (``full_clean``, which runs the page's ``clean``) before anything
is written."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.i18n import default_language, language_codes
from portal.slugs import ascii_slug
from villages.models import Amenity, HomestayPage, VillagePage
from villages.models.homestay import check_price_range

from . import parsing
from .columns import TRANSLATED, fold

# Model fields an import sets (besides title/slug and amenities), compared to tell
# whether a row changes anything.
SCALAR_FIELDS = [
    "local_minority_household",
    "capacity",
    "rooms",
    "price_min",
    "price_max",
    "price_basis",
    "phone",
    "zalo",
    "email",
    "website",
    "latitude",
    "longitude",
    "check_in_time",
    "check_out_time",
]
DEFAULTS = {"rooms": 1, "price_basis": "room", "local_minority_household": False}


@dataclass
class RowError:
    row: int  # the spreadsheet's row number (the header is row 1)
    column: str  # the header as written in the file, or "" for the whole row
    message: str


@dataclass
class PlannedRow:
    row: int
    key: str
    page: HomestayPage
    village: VillagePage
    amenities: list = field(default_factory=list)
    created: bool = False
    changed: bool = False


class Lookups:
    """What rows are matched against, read once per import."""

    def __init__(self):
        self.villages = {}
        for village in VillagePage.objects.select_related("locale"):
            for code in language_codes():
                for name in ("title", "slug"):
                    value = getattr(village, build_localized_fieldname(name, code), "")
                    if value:
                        self.villages.setdefault(fold(value), village)
        self.amenities = {}
        for amenity in Amenity.objects.all():
            self.amenities[fold(amenity.slug)] = amenity
            for code in language_codes():
                label = getattr(amenity, build_localized_fieldname("label", code), "")
                if label:
                    self.amenities[fold(label)] = amenity
        # Pages made in the admin have no key yet: the export calls them "id-<pk>".
        self.existing = {
            page.import_key or f"id-{page.pk}": page for page in HomestayPage.objects.all()
        }
        self.basis = parsing.basis_lookup()
        self.content_type = ContentType.objects.get_for_model(HomestayPage)
        self.slugs = {}  # (village pk, language) → slugs taken by rows of this file


def message_of(error):
    return " ".join(str(m) for m in error.messages)


class RowValidator:
    """Turns one row's cells into a PlannedRow, collecting RowErrors."""

    def __init__(self, lookups, header_of, user=None):
        self.lookups = lookups
        self.header_of = header_of  # column key → header text in the file
        self.user = user
        self.keys_seen = {}

    def error(self, errors, row, key, message):
        error = RowError(row, self.header_of.get(key, ""), str(message))
        if error not in errors:  # "title" and "title_vi" report the same blank name
            errors.append(error)

    def plan(self, number, values):
        """``values``: {column key: cell}. Returns (PlannedRow or None, [RowError])."""
        errors = []
        key = str(values.get("key") or "").strip()
        if not key:
            self.error(errors, number, "key", _("Give every homestay a key."))
        elif key in self.keys_seen:
            self.error(
                errors,
                number,
                "key",
                _("The key %(key)s is already used on row %(row)d.")
                % {"key": key, "row": self.keys_seen[key]},
            )
        else:
            self.keys_seen[key] = number
        village = self.lookups.villages.get(fold(values.get("village")))
        if village is None:
            self.error(
                errors,
                number,
                "village",
                _("No village with this name: %(name)s.") % {"name": values.get("village") or ""},
            )
        parsed = self.parse_cells(number, values, errors)
        if errors:
            return None, errors
        existing = self.lookups.existing.get(key)
        planned = self.build(number, key, village, existing, parsed, errors)
        if planned is not None:
            self.check_permission(planned, errors)
        return (None if errors else planned), errors

    def parse_cells(self, number, values, errors):
        parsed = {}
        readers = {
            "int": parsing.parse_int,
            "float": parsing.parse_float,
            "time": parsing.parse_time,
            "bool": parsing.parse_bool,
            "basis": lambda v: parsing.parse_basis(v, self.lookups.basis),
        }
        for name, value in values.items():
            if name in ("key", "village"):
                continue
            if value is None or value == "":
                parsed[name] = DEFAULTS.get(name, None if name.endswith("_time") else "")
                if name in ("capacity", "price_min", "price_max", "latitude", "longitude"):
                    parsed[name] = None
                continue
            kind = self.kind_of(name)
            try:
                if kind == "amenities":
                    parsed[name] = self.amenities(value)
                elif kind in readers:
                    parsed[name] = readers[kind](value)
                elif name in ("phone", "zalo"):
                    parsed[name] = parsing.parse_phone(value)
                else:
                    parsed[name] = str(value)
            except ValidationError as exc:
                self.error(errors, number, name, message_of(exc))
        return parsed

    kinds = {}

    def kind_of(self, name):
        from .columns import columns

        if not RowValidator.kinds:
            RowValidator.kinds = {column.key: column.kind for column in columns()}
        return RowValidator.kinds.get(name, "text")

    def amenities(self, value):
        found, unknown = [], []
        for name in parsing.split_names(value):
            amenity = self.lookups.amenities.get(fold(name))
            (found.append(amenity) if amenity else unknown.append(name))
        if unknown:
            raise ValidationError(
                _("Unknown amenities: %(names)s.") % {"names": ", ".join(unknown)}
            )
        return found

    def build(self, number, key, village, existing, parsed, errors):
        base = default_language()
        if existing is not None:
            page = existing.get_latest_revision_as_object()
            parent = existing.get_parent().specific
            if parent.pk != village.pk:
                self.error(
                    errors,
                    number,
                    "village",
                    _(
                        "This key belongs to a homestay in %(village)s: move the page "
                        "in the admin first."
                    )
                    % {"village": parent.title},
                )
                return None
            before = snapshot(page)
        else:
            page = HomestayPage(
                import_key=key,
                live=False,
                locale=village.locale,
                content_type=self.lookups.content_type,
            )
            # A place in the tree so that Page.clean can check slugs among the siblings.
            page.depth = village.depth + 1
            page.path = village.path + "0000"
            before = None
        page._cached_parent_obj = village
        for name, value in parsed.items():
            if name != "amenities":
                setattr(page, name, value)
        amenities = parsed.get("amenities", [])
        page.amenities = amenities
        set_base_column(page, "title", getattr(page, build_localized_fieldname("title", base)))
        if existing is None:
            self.propose_slugs(page, village, key)
        try:
            validate_page(page, created=existing is None)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                column = column_for_field(name)
                for message in messages:
                    self.error(errors, number, column, message)
            return None
        planned = PlannedRow(number, key, page, village, amenities, created=existing is None)
        planned.changed = before is None or before != snapshot(page)
        return planned

    def propose_slugs(self, page, village, key):
        """ASCII slugs from the titles; a slug taken in the village gets the key added."""
        base = default_language()
        taken_in_db = (
            {
                getattr(sibling, build_localized_fieldname("slug", code))
                for sibling in village.get_children().specific(defer=True)
                for code in language_codes()
            }
            if (village.pk, "db") not in self.lookups.slugs
            else self.lookups.slugs[(village.pk, "db")]
        )
        self.lookups.slugs[(village.pk, "db")] = taken_in_db
        taken_here = self.lookups.slugs.setdefault((village.pk, "file"), set())
        for code in language_codes():
            title = getattr(page, build_localized_fieldname("title", code), "") or getattr(
                page, build_localized_fieldname("title", base)
            )
            slug = ascii_slug(title) or ascii_slug(key) or "homestay"
            if slug in taken_in_db or slug in taken_here:
                slug = f"{slug}-{ascii_slug(key)}"
            setattr(page, build_localized_fieldname("slug", code), slug)
            taken_here.add(slug)
        set_base_column(page, "slug", getattr(page, build_localized_fieldname("slug", base)))

    def check_permission(self, planned, errors):
        if self.user is None:
            return
        if planned.created:
            allowed = planned.village.permissions_for_user(self.user).can_add_subpage()
            message = _("You may not add homestays to %(village)s.")
        else:
            allowed = planned.page.permissions_for_user(self.user).can_edit()
            message = _("You may not edit the homestays of %(village)s.")
        if not allowed:
            self.error(errors, planned.row, "village", message % {"village": planned.village.title})


# Tree and bookkeeping fields Wagtail fills in when the page is saved.
# The locale and content type are the village's and the model's (set, not typed).
TREE_FIELDS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "translation_key",
    "locale",
    "content_type",
    "draft_title",
]


def set_base_column(page, name, value):
    """Set Wagtail's own ``name`` column (the default language's value) and nothing else.

    Assigning ``page.title`` through django-modeltranslation writes the field of the
    *active* language: an import run from the English admin would copy the Vietnamese
    title into ``title_en``. Under the default language the assignment lands on the
    default language's field, which already holds ``value``.
    """
    with translation.override(default_language()):
        setattr(page, name, value)


def validate_page(page, created):
    """The model's own rules. An existing page: ``full_clean`` (which runs the page's
    ``clean``, slug checks among its siblings included). A new page: the same field
    validation and the homestay's own ``clean`` rule; its slugs were already chosen
    free among the siblings (propose_slugs), which saves two queries a row."""
    if not created:
        page.full_clean(validate_unique=False, validate_constraints=False)
        return
    page._set_core_field_defaults()
    errors = {}
    try:
        page.clean_fields(exclude=TREE_FIELDS)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    try:
        check_price_range(page.price_min, page.price_max)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def column_for_field(name):
    """The column a model field's error belongs to ("" for the whole row)."""
    for field_name, _label, _required in TRANSLATED:
        if name == field_name:
            return build_localized_fieldname(field_name, default_language())
    if name == "slug" or name.startswith("slug_"):
        return "title_" + (name[5:] or default_language())
    return "" if name == "__all__" else name


def snapshot(page):
    """What an import can change on a page, to tell whether a row changes anything."""
    values = {name: getattr(page, name) for name in SCALAR_FIELDS}
    for field_name, _label, _required in TRANSLATED:
        for code in language_codes():
            values[build_localized_fieldname(field_name, code)] = (
                getattr(page, build_localized_fieldname(field_name, code)) or ""
            )
    values["amenities"] = sorted(a.pk for a in page.amenities.all())
    return values
