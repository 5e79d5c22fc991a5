"""A GIN index on ``title || body`` of the search index entries (PostgreSQL only).

portal.search_backend reads search candidates with ``(title || body) @@ query``,
the same match as modelsearch's (a word may be in the title, another in the body);
modelsearch indexes each column alone, so without this index the match reads every
entry. SQLite and other databases: nothing to do (the schema is the same for every
PORTAL_LANGUAGES).
"""

from django.db import migrations

INDEX = "portal_search_entry_text_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_home_page_trip_page"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
