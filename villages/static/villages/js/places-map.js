/* Maps of the places app, drawn with the vendored Leaflet. Without it, the page keeps
   its server-rendered list of places and coordinates.

   The tile server is a setting (data-*-map's "tiles" and "attribution"). When its
   tiles cannot load (no signal, server down, blocked), the map says so with the
   message of its frame ([data-map-status], in the page's language) and keeps its
   markers and lines on a plain background; the legend beside the map explains them.
   PortalMaps.tiles() is shared with the route map (routes/js/route-map.js). */
(() => {
  "use strict";
  /* Each place type's colour, from the place registry (map options' "colours"). */
  var COLOURS = {};

  function frameOf(element) {
    return element.closest("[data-map-frame]") || element.parentNode;
  }

  function showStatus(element) {
    var status = frameOf(element).querySelector("[data-map-status]");
    if (status?.hidden) {
      status.hidden = false;
    }
  }

  /* Adds the tile layer to ``map``; on failure shows the message and, while no tile
     has loaded at all, a plain background (no grey checkerboard of broken tiles). */
  function tiles(map, element, options) {
    var loaded = 0;
    function failed() {
      showStatus(element);
      if (!loaded) {
        element.classList.add("map--plain");
      }
    }
    var layer = L.tileLayer(options.tiles, { attribution: options.attribution, maxZoom: 18 });
    layer.on("tileload", () => {
      loaded += 1;
      element.classList.remove("map--plain");
    });
    layer.on("tileerror", failed);
    layer.addTo(map);
    if (navigator.onLine === false) {
      failed();
    }
    window.addEventListener("offline", failed);
    return layer;
  }

  function baseMap(element, options) {
    var map = L.map(element, { scrollWheelZoom: false });
    tiles(map, element, options);
    map.fitBounds(options.bounds);
    return map;
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function placeStyle(feature) {
    var colour = COLOURS[feature.properties.type] || "#333";
    return { radius: 8, color: "#fff", weight: 2, fillColor: colour, fillOpacity: 0.95 };
  }

  function popup(feature, marker) {
    var p = feature.properties;
    marker.bindPopup(
      '<a href="' +
        encodeURI(p.url) +
        '">' +
        escapeHtml(p.name) +
        "</a>" +
        (p.kind_label ? `<br>${escapeHtml(p.kind_label)}` : ""),
    );
  }

  /* ``pane``: each type draws in a pane of its own, made in the registry's order, so
     that types stack (and sit in the page) in that order whichever answer comes first
     or is loaded again. */
  function placesLayer(collection, pane) {
    return L.geoJSON(collection, {
      pane: pane,
      pointToLayer: (feature, latlng) =>
        L.circleMarker(latlng, Object.assign(placeStyle(feature), { pane: pane })),
      style: (feature) => ({ color: COLOURS[feature.properties.type] || "#333", weight: 4 }),
      onEachFeature: popup,
    });
  }

  function hasMore(collection) {
    return (collection.links || []).some((link) => link.rel === "next");
  }

  function viewBox(map) {
    var b = map.getBounds();
    var clamp = (value, limit) => Math.max(-limit, Math.min(limit, value)).toFixed(5);
    return [
      clamp(b.getWest(), 180),
      clamp(b.getSouth(), 90),
      clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90),
    ].join(",");
  }

  /* The places map loads each type of place on its own, at most options.per_type
     features at a time (?type=&limit=). A type with more (a "next" link) is loaded
     again for the visible area (?bbox=) after each move or zoom, and the frame's
     [data-map-crowded] note says that some places are not drawn until one zooms in;
     an open popup stays open across these reloads. options.focus ({id, lat, lon},
     from ?place= on the map page's address) centres the map on one place, brings the
     map into view and opens that place's popup. A type that fails to load leaves the
     others drawn and shows [data-map-data-failed] until a later load succeeds. Once
     every type has answered, the map element has the class places-map--loaded. */
  function initPlacesMap(element) {
    var options = JSON.parse(element.getAttribute("data-places-map"));
    Object.assign(COLOURS, options.colours);
    var map = baseMap(element, options);
    var frame = frameOf(element);
    var note = frame.querySelector("[data-map-crowded]");
    var failure = frame.querySelector("[data-map-data-failed]");
    var layers = {};
    var crowded = {};
    var asked = {};
    var failed = {};
    var timer = null;
    var ready = false;
    var openId = null; // the feature whose popup is open
    var focus = options.focus;

    function markerOf(layer, id) {
      return layer.getLayers().find((marker) => marker.feature && marker.feature.id === id);
    }

    function openAt(marker) {
      // At the place's own position: a route's popup at its start, not its middle.
      var at = focus && marker.feature.id === focus.id ? L.latLng(focus.lat, focus.lon) : null;
      marker.openPopup(at || undefined);
    }

    function showFailures() {
      var any = Object.values(failed).some(Boolean);
      if (failure) {
        failure.hidden = !any;
      }
      element.classList.toggle("places-map--failed", any);
    }

    function draw(type, collection) {
      var reopen = openId;
      if (layers[type]) {
        map.removeLayer(layers[type]); // closes its open popup, reopened below
      }
      layers[type] = placesLayer(collection, `places-${type}`).addTo(map);
      layers[type].on("popupopen", (event) => {
        openId = event.propagatedFrom?.feature?.id || null;
      });
      var wanted = ready && focus ? focus.id : reopen;
      var marker = wanted && markerOf(layers[type], wanted);
      if (marker) {
        openAt(marker);
        if (focus && wanted === focus.id) {
          focus = null;
        }
      }
    }

    function load(type, bbox) {
      var url = `${options.geojson}&type=${encodeURIComponent(type)}&limit=${options.per_type}`;
      asked[type] = (asked[type] || 0) + 1;
      var ticket = asked[type];
      var current = () => ticket === asked[type]; // no later view's answer on its way
      return fetch(bbox ? `${url}&bbox=${bbox}` : url, {
        headers: { Accept: "application/geo+json" },
      })
        .then((response) => {
          if (!response.ok) {
            throw new Error(`${response.status}`);
          }
          return response.json();
        })
        .then(
          (collection) => {
            if (!current()) {
              return;
            }
            draw(type, collection);
            crowded[type] = { everywhere: crowded[type]?.everywhere || hasMore(collection) };
            crowded[type].here = hasMore(collection);
            if (note) {
              note.hidden = !Object.values(crowded).some((state) => state.here);
            }
            failed[type] = false;
            showFailures();
          },
          () => {
            if (current()) {
              failed[type] = true;
              showFailures();
            }
          },
        );
    }

    function reloadCrowded() {
      var bbox = viewBox(map);
      return Promise.all(
        Object.keys(crowded)
          .filter((type) => crowded[type].everywhere)
          .map((type) => load(type, bbox)),
      );
    }

    function fitAll() {
      var bounds = L.latLngBounds([]);
      Object.values(layers).forEach((layer) => {
        if (layer.getLayers().length) {
          bounds.extend(layer.getBounds());
        }
      });
      if (options.focus) {
        map.setView([options.focus.lat, options.focus.lon], 15, { animate: false });
        element.scrollIntoView({ block: "center" });
      } else if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [20, 20], animate: false });
      }
    }

    function openFocus() {
      Object.values(layers).forEach((layer) => {
        var marker = focus && markerOf(layer, focus.id);
        if (marker) {
          openAt(marker);
          focus = null;
        }
      });
    }

    Object.keys(COLOURS).forEach((type, index) => {
      map.createPane(`places-${type}`).style.zIndex = String(410 + index);
    });
    map.on("popupclose", () => {
      openId = null;
    });
    Promise.all(Object.keys(COLOURS).map((type) => load(type, null))).then(() => {
      // Without animation: the fit's own moveend fires now, before the listener.
      fitAll();
      ready = true;
      map.on("moveend", () => {
        clearTimeout(timer);
        timer = setTimeout(reloadCrowded, 250);
      });
      // Around a focused place, the crowded types' places of that view first.
      (options.focus ? reloadCrowded() : Promise.resolve()).then(() => {
        openFocus();
        element.classList.add("places-map--loaded"); // every type has answered
      });
    });
  }

  function initPlaceMap(element) {
    var options = JSON.parse(element.getAttribute("data-place-map"));
    Object.assign(COLOURS, options.colours);
    var map = L.map(element, { scrollWheelZoom: false });
    tiles(map, element, options);
    map.setView([options.lat, options.lon], 13);
    L.circleMarker(
      [options.lat, options.lon],
      placeStyle({ properties: { type: options.type || "village" } }),
    )
      .addTo(map)
      .bindTooltip(options.title);
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-places-map]").forEach(initPlacesMap);
    document.querySelectorAll("[data-place-map]").forEach(initPlaceMap);
  }

  window.PortalMaps = { tiles: tiles, colours: COLOURS };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
