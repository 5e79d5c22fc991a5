"""Lunar dates and yearly lunar rules in words, as each language writes them.

Every language's forms live in ``FORMS``, one entry per language code: add a
language there. A language without an entry gets neutral wording through gettext
("day 15 of lunar month 1"), which its catalogue can translate.

- Vietnamese: "mùng 5 tháng Giêng", "rằm tháng Giêng", "ngày 16 tháng Ba",
  "mùng 5 đến mùng 6 tháng Giêng", "rằm tháng Chạp đến rằm tháng Giêng năm sau";
- English: "15th day of the 1st lunar month", "5th to the 6th day of the 1st lunar month";
- Simplified Chinese: "正月十五", "正月初五至初六", "腊月十五至次年正月十五".

A rule is (first day, first month, last day, last month) of ordinary lunar months;
a last date before the first in the year falls in the next lunar year.
"""

from django.utils.translation import get_language, gettext


def english_ordinal(number):
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _vietnamese_day(day):
    if day <= 10:
        return f"mùng {day}"
    return "rằm" if day == 15 else f"ngày {day}"


VIETNAMESE_MONTHS = {
    1: "tháng Giêng",
    2: "tháng Hai",
    3: "tháng Ba",
    4: "tháng Tư",
    5: "tháng Năm",
    6: "tháng Sáu",
    7: "tháng Bảy",
    8: "tháng Tám",
    9: "tháng Chín",
    10: "tháng Mười",
    11: "tháng Mười một",
    12: "tháng Chạp",
}

CHINESE_DIGITS = "一二三四五六七八九十"
CHINESE_MONTHS = {
    **{n: f"{CHINESE_DIGITS[n - 1]}月" for n in range(2, 11)},
    1: "正月",
    11: "冬月",
    12: "腊月",
}


def _chinese_day(day):
    if day <= 10:
        return "初" + CHINESE_DIGITS[day - 1]
    if day < 20:
        return "十" + CHINESE_DIGITS[day - 11]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + CHINESE_DIGITS[day - 21]
    return "三十"


# Per language: how a day and a month read, and the patterns that join them.
FORMS = {
    "vi": {
        "day": _vietnamese_day,
        "month": VIETNAMESE_MONTHS.get,
        "date": "{day} {month}",
        "leap_month": "{month} nhuận",
        "same_month": "{first} đến {last} {month}",
        "range": "{first} đến {last}",
        "next_year": "{date} năm sau",
        "single_rule": "Hằng năm vào {rule} (âm lịch).",
        "range_rule": "Hằng năm từ {rule} (âm lịch).",
        "occurrence": "{text} âm lịch",
    },
    "en": {
        "day": english_ordinal,
        "month": english_ordinal,
        "date": "{day} day of the {month} lunar month",
        "leap_month": "leap {month}",
        "same_month": "{first} to the {last} day of the {month} lunar month",
        "range": "{first} to the {last}",
        "next_year": "{date} of the following year",
        "single_rule": "Every year on the {rule}.",
        "range_rule": "Every year from the {rule}.",
        "occurrence": "{text}",
    },
    "zh-hans": {
        "day": _chinese_day,
        "month": CHINESE_MONTHS.get,
        "date": "{month}{day}",
        "leap_month": "闰{month}",
        "same_month": "{month}{first}至{last}",
        "range": "{first}至{last}",
        "next_year": "次年{date}",
        "single_rule": "每年农历{rule}。",
        "range_rule": "每年农历{rule}。",
        "occurrence": "农历{text}",
    },
}


def _neutral_forms():
    """Grammatical, language-neutral wording through gettext, for any other language."""
    return {
        "day": str,
        "month": str,
        "date": gettext("day {day} of lunar month {month}"),
        "leap_month": gettext("{month} (leap)"),
        "same_month": gettext("days {first} to {last} of lunar month {month}"),
        "range": gettext("{first} to {last}"),
        "next_year": gettext("{date} of the next lunar year"),
        "single_rule": gettext("Every year: {rule}."),
        "range_rule": gettext("Every year: {rule}."),
        "occurrence": "{text}",
    }


def forms(language=None):
    """The forms of ``language`` (the active one by default), or the neutral ones."""
    code = (language or get_language() or "").lower()
    if code in FORMS:
        return FORMS[code]
    base = code.split("-")[0]
    if base in FORMS:
        return FORMS[base]
    if base == "zh":
        return FORMS["zh-hans"]
    return _neutral_forms()


def month_words(month, leap=False, f=None):
    """'tháng Giêng', 'tháng Sáu nhuận' / '1st', 'leap 6th' / '正月', '闰六月'."""
    f = f or forms()
    name = f["month"](month)
    return f["leap_month"].format(month=name) if leap else name


def date_words(day, month, leap=False, f=None):
    """'rằm tháng Giêng' / '15th day of the 1st lunar month' / '正月十五'."""
    f = f or forms()
    return f["date"].format(day=f["day"](day), month=month_words(month, leap, f))


def range_words(first, last, next_year=False, f=None):
    """Words for the lunar dates ``first`` to ``last``, each (day, month, leap); the
    month is named once when both fall in it."""
    f = f or forms()
    (day1, month1, leap1), (day2, month2, leap2) = first, last
    if (month1, leap1) == (month2, leap2) and not next_year:
        if day1 == day2:
            return date_words(day1, month1, leap1, f)
        return f["same_month"].format(
            first=f["day"](day1), last=f["day"](day2), month=month_words(month1, leap1, f)
        )
    end = date_words(day2, month2, leap2, f)
    if next_year:
        end = f["next_year"].format(date=end)
    return f["range"].format(first=date_words(day1, month1, leap1, f), last=end)


def ends_next_year(day, month, end_day, end_month):
    """True when the last lunar date comes before the first in the year."""
    return (end_month, end_day) < (month, day)


def rule_phrase(day, month, end_day=None, end_month=None, language=None):
    """A yearly lunar rule as a phrase (for the API): the day, or the first to last day."""
    f = forms(language)
    if end_day is None or end_month is None or (end_day, end_month) == (day, month):
        return date_words(day, month, f=f)
    nxt = ends_next_year(day, month, end_day, end_month)
    return range_words((day, month, False), (end_day, end_month, False), nxt, f)


def rule_sentence(day, month, end_day=None, end_month=None, language=None):
    """The rule as a sentence: 'Every year on the 15th day of the 1st lunar month.'"""
    f = forms(language)
    phrase = rule_phrase(day, month, end_day, end_month, language)
    single = end_day is None or end_month is None or (end_day, end_month) == (day, month)
    return (f["single_rule"] if single else f["range_rule"]).format(rule=phrase)


def occurrence_words(first, last, language=None):
    """The lunar dates of one occurrence, each a LunarDate: 'mùng 5 đến mùng 6 tháng Giêng
    âm lịch'. A range into the next lunar year needs no 'next year': the dates are given."""
    f = forms(language)
    start = (first.day, first.month, first.leap)
    if last is None or (last.day, last.month, last.leap, last.year) == (*start, first.year):
        text = date_words(*start, f=f)
    elif (last.month, last.leap, last.year) == (first.month, first.leap, first.year):
        text = range_words(start, (last.day, last.month, last.leap), f=f)
    else:
        text = f["range"].format(
            first=date_words(*start, f=f), last=date_words(last.day, last.month, last.leap, f=f)
        )
    return f["occurrence"].format(text=text)
