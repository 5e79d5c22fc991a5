/* Bình Liêu, offline (version {{ version }}); portal/offline.py serves it as /sw.js.
   Serves what a visitor saved with "Save for offline" (caches named "route:<path>")
   when the network fails or is too slow. Any other page asked for without a connection
   gets the offline page in the language of its address (pre-cached at install with its
   styles and scripts, and with the offline assets apps list through the
   portal_offline_assets hook), which lists the routes saved on this device. Everything
   else goes to the network untouched; the admin is never handled. */
"use strict";

var NETWORK_TIMEOUT_MS = 6000;
var OFFLINE_CACHE = "offline:{{ version }}";
var OFFLINE_PAGES = {{ offline_pages|safe }};
var OFFLINE_ASSETS = {{ offline_assets|safe }};
var DEFAULT_LANGUAGE = {{ default_language|safe }};
var STATIC_PREFIX = {{ static_prefix|safe }};

function staticUrls(html) {
  /* The same-origin static files (styles, scripts, icons) an offline page refers to. */
  var urls = [];
  var pattern = /(?:href|src)="([^"]+)"/g;
  var match;
  while ((match = pattern.exec(html)) !== null) {
    var url = new URL(match[1].replace(/&amp;/g, "&"), self.location.origin);
    if (url.origin === self.location.origin && url.pathname.indexOf(STATIC_PREFIX) === 0 && urls.indexOf(url.href) < 0) {
      urls.push(url.href);
    }
  }
  return urls;
}

function precacheOfflinePage(cache, path) {
  return fetch(path, { credentials: "omit", cache: "no-cache" }).then(function (response) {
    if (!response.ok) { throw new Error(path + ": " + response.status); }
    return response.clone().text().then(function (html) {
      var assets = staticUrls(html).map(function (url) {
        return cache.add(url).catch(function () { return null; });  // a missing icon is no reason to fail
      });
      return Promise.all([cache.put(path, response)].concat(assets));
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(OFFLINE_CACHE)
      .then(function (cache) {
        var assets = OFFLINE_ASSETS.map(function (url) {
          return cache.add(url).catch(function () { return null; });  // as for the pages' own
        });
        return Promise.all(Object.keys(OFFLINE_PAGES).map(function (code) {
          return precacheOfflinePage(cache, OFFLINE_PAGES[code]);
        }).concat(assets));
      })
      .catch(function () { return null; })  // saved routes still work without it
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (n) {
          return n.indexOf("offline:") === 0 && n !== OFFLINE_CACHE;
        }).map(function (n) { return caches.delete(n); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

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

function offlinePage(request) {
  /* The offline page in the language of the address asked for (/en/… → English). */
  var code = new URL(request.url).pathname.split("/")[1];
  var path = OFFLINE_PAGES[code] || OFFLINE_PAGES[DEFAULT_LANGUAGE];
  return caches.open(OFFLINE_CACHE)
    .then(function (cache) { return cache.match(path, { ignoreVary: true }); })
    .then(function (page) { return page || Response.error(); });
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
    if (!copy) {
      return fetch(request).catch(function (error) {
        if (request.mode === "navigate") { return offlinePage(request); }
        throw error;
      });
    }
    return withTimeout(fetch(request)).then(function (response) {
      if (response.ok && request.mode === "navigate") { event.waitUntil(refresh(request, response.clone())); }
      return response;
    }, function () { return copy; });
  });
}

self.addEventListener("fetch", function (event) {
  if (handled(event.request)) { event.respondWith(handle(event)); }
});
