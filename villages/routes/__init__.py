"""Routes (issue 5): walks, treks, rides and multi-day journeys with their GPX tracks.

A nested app of villages (label "routes", its own migrations). Where things live:

- models/      RouteIndexPage, RoutePage, its RouteStop and RouteStage children
- forms.py     the admin form: the GPX upload is read in ``clean`` and stored only
               when the whole form is valid (nothing is written for a bad file)
- gpx.py       reading an upload: size limit, defusedxml (no DTD, no entities), gpxpy
- stats.py     distance, smoothed ascent/descent, elevations, time, map line, stops
- track.py     putting a track and its figures on a page
- profile.py   the elevation profile's geometry for the inline SVG and its table
- export.py    GPX 1.1 and GeoJSON downloads; jsonld.py the TouristTrip
- display.py   what the pages show, in a fixed number of queries
- places.py    routes in /api/places.geojson (and so on the map) and /api/v2/places/
- views.py     /api/routes/<id>.gpx|.geojson
- offline_assets.py  the route page's static files added to portal's offline
               assets (hook portal_offline_assets); /sw.js and the offline page
               are portal's (portal/offline.py)

The uploaded file itself is not kept: its points ([lat, lon, ele]) are stored in the
page (``RoutePage.track``), so drafts, revisions and every app instance share them
through the database, and the public GPX is generated from them in the visitor's
language with the stops as waypoints.
"""
