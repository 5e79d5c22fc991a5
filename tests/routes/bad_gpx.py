"""Files an editor might upload by mistake, or an attacker on purpose."""

from tests.routes.helpers import GPX_HEAD, gpx_bytes

POINTS_OUTSIDE = [[21.0285, 105.8542, 10.0], [21.0300, 105.8560, 12.0]]  # Hà Nội

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><name>&secret;</name></metadata>
<trk><trkseg><trkpt lat="21.5" lon="107.4"/><trkpt lat="21.51" lon="107.4"/></trkseg></trk>
</gpx>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><name>&lol9;</name></metadata>
<trk><trkseg><trkpt lat="21.5" lon="107.4"/><trkpt lat="21.51" lon="107.4"/></trkseg></trk>
</gpx>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE gpx SYSTEM "http://example.org/evil.dtd">
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">
<trk><trkseg><trkpt lat="21.5" lon="107.4"/><trkpt lat="21.51" lon="107.4"/></trkseg></trk>
</gpx>"""

KML = b"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>x</name>
<LineString><coordinates>107.4,21.5 107.4,21.51</coordinates></LineString></Placemark></kml>"""

ONLY_WAYPOINTS = (
    GPX_HEAD + '<wpt lat="21.5" lon="107.4"><name>A</name></wpt>'
    '<wpt lat="21.51" lon="107.4"><name>B</name></wpt></gpx>'
).encode()

ONE_POINT = (
    GPX_HEAD + '<trk><trkseg><trkpt lat="21.5" lon="107.4"/></trkseg></trk></gpx>'
).encode()

LATIN_1 = (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
    '<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
    "<metadata><name>Caf\xe9</name></metadata>"
    '<trk><trkseg><trkpt lat="21.5" lon="107.4"/><trkpt lat="21.51" lon="107.4"/></trkseg></trk>'
    "</gpx>"
).encode("latin-1")

BAD_NUMBERS = (
    GPX_HEAD + '<trk><trkseg><trkpt lat="north" lon="107.4"/><trkpt lat="21.51" lon="107.4"/>'
    "</trkseg></trk></gpx>"
).encode()

# (name, bytes, error code, words the editor reads)
BAD_FILES = [
    ("empty", b"", "empty", "empty"),
    ("plain text", b"Lat 21.5, lon 107.4 then up the hill", "not_xml", "not a GPX file"),
    ("a JPEG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "not_xml", "not a GPX file"),
    ("a KML file", KML, "not_gpx", "not <gpx>"),
    ("a GPX with only waypoints", ONLY_WAYPOINTS, "no_points", "no track or route"),
    ("a GPX with one point", ONE_POINT, "no_points", "no track or route"),
    ("an XXE entity", XXE, "unsafe_xml", "refused for safety"),
    ("a billion laughs bomb", BILLION_LAUGHS, "unsafe_xml", "refused for safety"),
    ("an external DTD", EXTERNAL_DTD, "unsafe_xml", "refused for safety"),
    ("a track in Hà Nội", gpx_bytes(POINTS_OUTSIDE), "outside_region", "Bình Liêu area"),
    ("a Latin-1 file", LATIN_1, "encoding", "UTF-8"),
    ("a file with words for numbers", BAD_NUMBERS, "invalid_gpx", "could not be read"),
]
