/* Bình Liêu routes, offline (version {{ version }}).
   Serves what a visitor saved with "Save for offline" when the network fails or is too
   slow. Everything else goes to the network untouched; the admin is never handled. */
"use strict";

var NETWORK_TIMEOUT_MS = 6000;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function handled(request) {
  if (request.method !== "GET") { return false; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return false; }
  return !/^\/(admin|documents|__offline__)\//.test(url.pathname) && url.pathname !== "/sw.js";
}

function cached(request) {
  return caches.match(request, { ignoreVary: true }).then(function (hit) {
    if (hit || request.mode !== "navigate") { return hit; }
    var url = new URL(request.url);
    return caches.match(url.origin + url.pathname, { ignoreVary: true });
  });
}

function withTimeout(promise) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, NETWORK_TIMEOUT_MS);
    promise.then(function (r) { clearTimeout(timer); resolve(r); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

function refresh(request, response) {
  /* Keep a saved page up to date when it is visited online. */
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("route:") === 0; }).map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.match(request, { ignoreVary: true }).then(function (hit) {
          if (hit) { return cache.put(request, response.clone()); }
        });
      });
    }));
  });
}

function handle(event) {
  var request = event.request;
  return cached(request).then(function (copy) {
    if (!copy) { return fetch(request); }
    return withTimeout(fetch(request)).then(function (response) {
      if (response.ok && request.mode === "navigate") { event.waitUntil(refresh(request, response.clone())); }
      return response;
    }, function () { return copy; });
  });
}

self.addEventListener("fetch", function (event) {
  if (handled(event.request)) { event.respondWith(handle(event)); }
});
