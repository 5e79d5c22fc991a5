"""What a place is known by besides its title, for the search index (portal.search):
a homestay by its village and commune (former names included), a village by its
commune and peoples, an attraction by its kind and village. Strings in every language.
"""

from portal.search import in_every_language, localized_values


def commune_terms(commune):
    if commune is None:
        return []
    return [*localized_values(commune, "name"), *commune.former_names]


def village_terms(village):
    terms = commune_terms(village.commune)
    for group in village.ethnic_groups.all():
        terms += localized_values(group, "name")
    return terms


def homestay_terms(homestay):
    terms = []
    village = homestay.get_parent().specific
    if hasattr(village, "commune"):
        terms += localized_values(village, "title") + commune_terms(village.commune)
    if homestay.host_ethnic_group:
        terms += localized_values(homestay.host_ethnic_group, "name")
    return terms


def attraction_terms(attraction):
    terms = in_every_language(attraction.get_kind_display) if attraction.kind else []
    if attraction.village:
        terms += localized_values(attraction.village, "title")
        terms += commune_terms(attraction.village.commune)
    return terms
