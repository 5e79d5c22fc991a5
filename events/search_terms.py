"""What an event is known by besides its title, for the search index (portal.search):
its category, its venue (and the venue's village and commune), and its lunar date
in words as Vietnamese say it ("rằm tháng Giêng") and as the portal writes it.
"""

from portal.search import in_every_language, localized_values

from .lunar import lunar_rule_words
from .occurrences import Kind

# Traditional names of lunar days and months (Vietnamese usage, not an alphabet).
LUNAR_MONTH_NAMES = {1: "tháng Giêng", 11: "tháng Một", 12: "tháng Chạp"}


def traditional_lunar_words(day, month):
    """'rằm tháng Giêng' for 15/1, 'mùng 5 tháng Giêng' for 5/1, 'ngày 16 tháng 3'."""
    if day == 15:
        day_words = "rằm"
    elif day <= 10:
        day_words = f"mùng {day}"
    else:
        day_words = f"ngày {day}"
    month_words = LUNAR_MONTH_NAMES.get(month, f"tháng {month}")
    return f"{day_words} {month_words} âm lịch"


def venue_terms(event):
    venue = event.venue.specific if event.venue_id else None
    if venue is None:
        return []
    terms = localized_values(venue, "title")
    terms += list(venue.search_about()) if hasattr(venue, "search_about") else []
    return terms


def event_terms(event):
    terms = venue_terms(event)
    terms += localized_values(event, "venue_name") + localized_values(event, "venue_address")
    if event.category:
        terms += localized_values(event.category, "name")
    if event.schedule_kind == Kind.YEARLY_LUNAR and event.rule_day and event.rule_month:
        terms.append(traditional_lunar_words(event.rule_day, event.rule_month))
        terms += in_every_language(
            lambda: lunar_rule_words(event.rule_day, event.rule_month, event.duration_days or 1)
        )
    return terms
