/* Admin: click the map to fill latitude and longitude; typing moves the marker. */
(() => {
  "use strict";
  function round(value) {
    return Math.round(value * 1e6) / 1e6;
  }

  function initPicker(element) {
    if (element.dataset.ready) {
      return;
    }
    element.dataset.ready = "1";
    var options = JSON.parse(element.getAttribute("data-map-point"));
    var latInput = document.getElementById(options.latInput);
    var lonInput = document.getElementById(options.lonInput);
    var canvas = element.querySelector(".villages-map-point__canvas");
    if (!latInput || !lonInput || !canvas || typeof L === "undefined") {
      return;
    }
    // A map in a hidden tab has no size: draw it the first time it can be seen.
    if (!canvas.offsetWidth) {
      const observer = new ResizeObserver(() => {
        if (canvas.offsetWidth) {
          observer.disconnect();
          drawMap(options, latInput, lonInput, canvas, element);
        }
      });
      observer.observe(canvas);
      return;
    }
    drawMap(options, latInput, lonInput, canvas, element);
  }

  function drawMap(options, latInput, lonInput, canvas, element) {
    var map = L.map(canvas);
    L.tileLayer(element.getAttribute("data-tiles"), {
      attribution: element.getAttribute("data-attribution"),
      maxZoom: 18,
    }).addTo(map);
    var box = options.box;
    var bounds = L.latLngBounds([box[0], box[1]], [box[2], box[3]]);
    L.rectangle(bounds, { color: "#1f5f3a", weight: 1, dashArray: "6 4", fill: false }).addTo(map);
    map.fitBounds(bounds);
    var marker = null;

    function place() {
      var lat = parseFloat(latInput.value),
        lon = parseFloat(lonInput.value);
      if (Number.isNaN(lat) || Number.isNaN(lon)) {
        return;
      }
      if (marker) {
        marker.setLatLng([lat, lon]);
      } else {
        marker = L.marker([lat, lon]).addTo(map);
      }
    }
    map.on("click", (event) => {
      latInput.value = round(event.latlng.lat);
      lonInput.value = round(event.latlng.lng);
      latInput.dispatchEvent(new Event("change", { bubbles: true }));
      lonInput.dispatchEvent(new Event("change", { bubbles: true }));
      place();
    });
    latInput.addEventListener("input", place);
    lonInput.addEventListener("input", place);
    place();
    new ResizeObserver(() => {
      map.invalidateSize();
    }).observe(canvas);
  }

  function init() {
    document.querySelectorAll("[data-map-point]").forEach(initPicker);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  document.addEventListener("w-formset:added", init);
})();
