/* The offline page (portal/offline.py): lists the routes saved on this device ("Save
   for offline" on a route page, routes/js/offline.js, in caches named "route:<path>"),
   read from the browser's Cache Storage. Each link
   opens the saved copy through the service worker (/sw.js). Routes in the page's
   language come first, then by title. */
(() => {
  "use strict";
  var box = document.querySelector("[data-offline-routes]");
  if (!box) {
    return;
  }
  var list = box.querySelector("[data-offline-routes-list]");
  var none = box.querySelector("[data-offline-routes-none]");
  var lang = document.documentElement.lang || undefined;

  function saved(name) {
    /* {url, title, lang, savedAt} of the route saved in the cache ``name``, or null. */
    var url = name.slice("route:".length);
    return caches
      .open(name)
      .then((cache) => cache.match(`/__offline__/${encodeURIComponent(url)}`))
      .then((response) => (response ? response.json() : null))
      .then(
        (meta) => {
          if (!meta) {
            return null;
          }
          return {
            url: url,
            title: meta.title || url,
            lang: meta.lang || "",
            savedAt: meta.savedAt,
          };
        },
        () => null,
      );
  }

  function item(route) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = route.url;
    link.textContent = route.title;
    if (route.lang) {
      link.hreflang = route.lang;
      link.lang = route.lang;
    }
    li.appendChild(link);
    if (route.savedAt) {
      const note = document.createElement("span");
      note.className = "muted";
      const date = new Date(route.savedAt).toLocaleDateString(lang);
      note.textContent = ` (${(box.getAttribute("data-msg-saved") || "{date}").replace("{date}", date)})`;
      li.appendChild(note);
    }
    return li;
  }

  function show(routes) {
    routes = routes.filter(Boolean).sort((a, b) => {
      var first = (b.lang === lang) - (a.lang === lang);
      return first || a.title.localeCompare(b.title, lang);
    });
    list.innerHTML = "";
    routes.forEach((route) => {
      list.appendChild(item(route));
    });
    none.hidden = routes.length > 0;
  }

  if (!("caches" in window)) {
    show([]);
    return;
  }
  caches
    .keys()
    .then((names) => Promise.all(names.filter((n) => n.indexOf("route:") === 0).map(saved)))
    .then(show, () => {
      show([]);
    });
})();
