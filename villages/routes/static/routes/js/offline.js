/* "Save for offline": stores this route's page, downloads, small photos and the site's
   styles in the browser's Cache Storage; /sw.js serves them when the network fails.
   Map tiles are never stored (tile servers' policies forbid bulk downloads). Once saved,
   a "saved" badge and "Remove" replace the save button; /sw.js also lists the saved
   routes on its offline page (routes/js/offline-page.js reads them from the cache). */
(() => {
  "use strict";
  var box = document.querySelector("[data-offline-files]");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) {
    return;
  }

  var files = JSON.parse(box.getAttribute("data-offline-files"));
  var cacheName = `route:${files.page}`;
  var metaKey = `/__offline__/${encodeURIComponent(files.page)}`;
  var status = box.querySelector("[data-offline-status]");
  var list = box.querySelector("[data-offline-list]");
  var saveButton = box.querySelector("[data-offline-save]");
  var removeButton = box.querySelector("[data-offline-remove]");
  var savedBadge = box.querySelector("[data-offline-badge]");

  function message(name, values) {
    var text = box.getAttribute(`data-msg-${name}`) || "";
    Object.keys(values || {}).forEach((key) => {
      text = text.replace(`{${key}}`, values[key]);
    });
    return text;
  }

  var lang = document.documentElement.lang || undefined;

  function kilobytes(bytes) {
    /* "1.234 KB" in Vietnamese, "1,234 KB" in English: the page's language. */
    var kb = Math.max(1, Math.round(bytes / 1024));
    return `${window.Intl ? new Intl.NumberFormat(lang).format(kb) : String(kb)} KB`;
  }

  function show(meta) {
    list.innerHTML = "";
    if (!meta) {
      status.textContent = message("not-saved");
      saveButton.hidden = false;
      removeButton.hidden = true;
      savedBadge.hidden = true;
      return;
    }
    var date = new Date(meta.savedAt).toLocaleString(lang);
    status.textContent = message("saved", { date: date, size: kilobytes(meta.bytes) });
    meta.items.forEach((item) => {
      var li = document.createElement("li");
      li.textContent =
        (box.getAttribute(`data-label-${item.kind}`) || item.kind) +
        (item.count > 1 ? ` (${item.count})` : "");
      list.appendChild(li);
    });
    /* Saved: the badge and "Remove" replace the save button. */
    saveButton.hidden = true;
    savedBadge.hidden = false;
    removeButton.hidden = false;
    box.setAttribute("data-offline-saved", "true");
  }

  function readMeta() {
    return caches.has(cacheName).then((exists) => {
      if (!exists) {
        return null;
      }
      return caches
        .open(cacheName)
        .then((cache) => cache.match(metaKey))
        .then((response) => (response ? response.json() : null));
    });
  }

  function store(cache, url, aliases) {
    return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then((response) => {
      if (!response.ok) {
        throw new Error(`${url}: ${response.status}`);
      }
      return response
        .clone()
        .blob()
        .then((blob) => {
          var puts = [cache.put(url, response)];
          (aliases || []).forEach((alias) => {
            if (alias !== url) {
              puts.push(
                cache.put(alias, new Response(blob, { headers: { "Content-Type": blob.type } })),
              );
            }
          });
          return Promise.all(puts).then(() => blob.size);
        });
    });
  }

  function imageAliases(element) {
    /* Whatever size the browser picks from srcset, offline it gets the small copy. */
    var urls = [];
    element.querySelectorAll("img, source").forEach((node) => {
      (node.getAttribute("srcset") || "").split(",").forEach((part) => {
        var url = part.trim().split(/\s+/)[0];
        if (url) {
          urls.push(new URL(url, location.href).pathname);
        }
      });
      if (node.getAttribute("src")) {
        urls.push(new URL(node.getAttribute("src"), location.href).pathname);
      }
    });
    return urls;
  }

  function pageAssets() {
    /* The listed styles and scripts, plus any other same-origin ones this page loads. */
    var urls = files.assets.slice();
    document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach((node) => {
      var url = new URL(node.getAttribute("href") || node.getAttribute("src"), location.href);
      if (url.origin === location.origin && urls.indexOf(url.pathname + url.search) < 0) {
        urls.push(url.pathname + url.search);
      }
    });
    return urls;
  }

  function save() {
    status.textContent = message("saving");
    saveButton.disabled = true;
    var items = [];
    return navigator.serviceWorker
      .register(box.getAttribute("data-sw-url"), { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then(() => caches.delete(cacheName))
      .then(() => caches.open(cacheName))
      .then((cache) => {
        var jobs = [
          store(cache, files.page).then((n) => {
            items.push({ kind: "page", count: 1 });
            return n;
          }),
          store(cache, files.gpx).then((n) => {
            items.push({ kind: "gpx", count: 1 });
            return n;
          }),
          store(cache, files.geojson).then((n) => {
            items.push({ kind: "geojson", count: 1 });
            return n;
          }),
        ];
        var images = document.querySelectorAll("[data-offline-image]");
        images.forEach((element) => {
          var small = element.getAttribute("data-offline-image");
          if (small) {
            jobs.push(store(cache, small, imageAliases(element)));
          }
        });
        if (images.length) {
          items.push({ kind: "images", count: images.length });
        }
        pageAssets().forEach((url) => {
          jobs.push(store(cache, url));
        });
        items.push({ kind: "assets", count: 1 });
        return Promise.all(jobs).then((sizes) => {
          var meta = {
            savedAt: new Date().toISOString(),
            bytes: sizes.reduce((a, b) => a + b, 0),
            items: items,
            title: box.getAttribute("data-route-title") || document.title,
            lang: lang || "",
          };
          return cache
            .put(
              metaKey,
              new Response(JSON.stringify(meta), {
                headers: { "Content-Type": "application/json" },
              }),
            )
            .then(() => meta);
        });
      })
      .then((meta) => {
        show(meta);
        savedBadge.focus(); // the button that had the focus is gone
      })
      .catch(() => {
        caches.delete(cacheName);
        status.textContent = message("failed");
      })
      .then(() => {
        saveButton.disabled = false;
      });
  }

  function remove() {
    return caches.delete(cacheName).then(() => {
      show(null);
      box.removeAttribute("data-offline-saved");
      status.textContent = message("removed");
      saveButton.focus();
    });
  }

  saveButton.addEventListener("click", save);
  removeButton.addEventListener("click", remove);
  box.querySelector("[data-offline-controls]").hidden = false;
  readMeta().then(
    (meta) => {
      show(meta);
      /* Keep the service worker of a device that saved routes up to date (its offline page). */
      if (meta) {
        navigator.serviceWorker
          .register(box.getAttribute("data-sw-url"), { scope: "/" })
          .catch(() => {});
      }
    },
    () => {
      show(null);
    },
  );
})();
