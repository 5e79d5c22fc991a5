/* Search-as-you-type for every form with data-suggest-url (progressive: the form
   works without this script). Shows at most 8 titles from the JSON endpoint. */
(() => {
  "use strict";
  var forms = document.querySelectorAll("form[data-suggest-url]");
  Array.prototype.forEach.call(forms, (form, n) => {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var list = document.createElement("ul");
    var timer = null;
    var active = -1;
    var asked = "";
    list.id = `search-suggestions-${n}`;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
    }

    function show(results) {
      list.textContent = "";
      active = -1;
      results.forEach((item, i) => {
        var li = document.createElement("li");
        var a = document.createElement("a");
        var type = document.createElement("span");
        li.setAttribute("role", "option");
        li.id = `${list.id}-${i}`;
        a.href = item.url;
        a.textContent = item.title;
        type.className = "search-suggestion-type";
        type.textContent = item.type;
        a.appendChild(type);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function ask() {
      var q = input.value.trim();
      if (q.length < 2) {
        close();
        return;
      }
      if (q === asked) return;
      asked = q;
      var url = `${form.getAttribute("data-suggest-url")}?q=${encodeURIComponent(q)}`;
      fetch(url, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : { results: [] }))
        .then((data) => {
          if (input.value.trim() === q) show(data.results || []);
        })
        .catch(close);
    }

    function move(step) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      if (active >= 0) items[active].removeAttribute("aria-selected");
      active = (active + step + items.length) % items.length;
      items[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        move(1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        move(-1);
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("a")[active].href;
      }
    });
    document.addEventListener("click", (event) => {
      if (!form.contains(event.target)) close();
    });
  });
})();
