"""Lunar seasons stored as "from day D of month M, for N days" get their last lunar date.

A count of days ends a day early or late in the years whose months have 29 or 30
days. The last date is the latest lunar date the count reached in the years 2020–2040:
"from the 15th of the 12th month, for 30 days" meant "to the 15th of the 1st month".
"""

import datetime

from django.db import migrations

YEARS = range(2020, 2041)


def _lunar_end(day, month, days):
    from events import lunar

    ends = set()
    for year in YEARS:
        start = lunar.to_solar(day, month, year)
        if start is None:
            continue
        end = lunar.to_lunar(start + datetime.timedelta(days=days - 1))
        ends.add((((end.month - month) % 12, end.day), end.day, end.month))
    if not ends:
        return None
    _order, end_day, end_month = max(ends)
    return end_day, end_month


def forwards(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    seasons = EventPage.objects.filter(
        schedule_kind="yearly_lunar", duration_days__gt=1, rule_end_day__isnull=True
    )
    for page in seasons.exclude(rule_day=None).exclude(rule_month=None):
        found = _lunar_end(page.rule_day, page.rule_month, page.duration_days)
        if found is None:
            continue
        page.rule_end_day, page.rule_end_month = found
        page.duration_days = 1
        page.save(update_fields=["rule_end_day", "rule_end_month", "duration_days"])


class Migration(migrations.Migration):
    dependencies = [("events", "0002_lunar_season_end_date")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
