// Partners page: rebuild the embed snippet and its preview from the village and
// category pickers. The base address comes from the server (data-base).
(() => {
  "use strict";
  var form = document.querySelector("[data-partner-embed]");
  if (!form) {
    return;
  }
  var snippet = form.querySelector("textarea");
  var preview = document.querySelector("[data-partner-preview]");

  function escapeAttr(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  }

  function update() {
    var params = new URLSearchParams();
    params.set("lang", form.dataset.lang);
    ["village", "category"].forEach((name) => {
      var value = form.elements[name].value;
      if (value) {
        params.set(name, value);
      }
    });
    params.set("limit", form.dataset.limit);
    var src = `${form.dataset.base}?${params.toString()}`;
    snippet.value =
      '<iframe src="' +
      escapeAttr(src) +
      '" title="' +
      escapeAttr(form.dataset.title) +
      '" width="100%" height="420" loading="lazy" style="border:0"></iframe>';
    if (preview) {
      preview.src = src;
    }
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  snippet.addEventListener("focus", () => {
    snippet.select();
  });
})();
