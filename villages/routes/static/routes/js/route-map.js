/* The route's track and numbered stops on the vendored Leaflet. Without JavaScript
   the page keeps its profile, stop list and coordinates; without tiles (offline), the
   track and stops are drawn on a plain background with a message (places-map.js). */
(() => {
  "use strict";

  function init(element) {
    var options = JSON.parse(element.getAttribute("data-route-map"));
    var map = L.map(element, { scrollWheelZoom: false });
    if (window.PortalMaps) {
      window.PortalMaps.tiles(map, element, options); // says so when tiles cannot load
    } else {
      L.tileLayer(options.tiles, { attribution: options.attribution, maxZoom: 18 }).addTo(map);
    }
    // One polyline per piece of the track: nothing is drawn across a gap.
    var lines = options.lines.filter((piece) => piece.length > 1);
    var line = L.polyline(lines, { color: "#8a4b08", weight: 5, opacity: 0.9 }).addTo(map);
    if (lines.length) {
      L.marker(lines[0][0], {
        icon: L.divIcon({ className: "route-start-marker", iconSize: [14, 14] }),
        title: options.startLabel,
        keyboard: false,
      })
        .addTo(map)
        .bindTooltip(options.startLabel);
    }
    options.stops.forEach((stop) => {
      var icon = L.divIcon({
        className: "route-stop-marker",
        html: String(stop.n),
        iconSize: [24, 24],
      });
      L.marker([stop.lat, stop.lon], {
        icon: icon,
        title: `${stop.n}. ${stop.title}`,
        keyboard: false,
      })
        .addTo(map)
        .bindTooltip(`${stop.n}. ${stop.title}`);
    });
    if (lines.length) {
      map.fitBounds(line.getBounds(), { padding: [16, 16] });
    } else {
      map.fitBounds(options.bounds);
    }
  }

  function start() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-route-map]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
