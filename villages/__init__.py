"""Places of Bình Liêu: villages, homestays, attractions, the finder and the map (issue 3).

Where things live (each module's docstring says more):

- models/          snippets (EthnicGroup, Commune, Amenity) and one module per page type
- places.py        the place registry: each place type registers once (register_place_types hook)
- api.py, geojson.py, views.py   /api/v2/places/ and /api/places.geojson, read from the registry
- finder.py, finder_filters.py, forms.py   the homestay finder: its form, filters, chips, hints
- geo.py, fields.py, widgets.py, blocks.py   coordinates and distances, month sets, the admin
                   map widget, StreamField blocks
- jsonld.py, search_terms.py, numbers.py   schema.org nodes, names for the search index,
                   figures for "Tourism in numbers"
- staff.py         commune editors: one group per village
- importing/, admin_views.py   homestay spreadsheet import and export
- conf.py          the app's settings with defaults
- wagtail_hooks.py admin wiring: snippets, URLs, API endpoint, place types, home section
- demo/, bench_data.py, management/   demo content, generated bench data, commands
- routes/          routes and GPX tracks (a nested app, label "routes")
"""
