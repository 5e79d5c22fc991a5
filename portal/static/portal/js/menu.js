/* The header menu as a disclosure (progressive: without this script the "Menu" link
   jumps to the menu, which CSS shows as the :target, and every link works).

   With it, the link becomes a real button with aria-expanded and aria-controls:
   Enter or Space opens the menu and moves the focus to its first link; Escape,
   the close link or a click outside closes it and gives the focus back to the
   button. */
(() => {
  "use strict";
  var link = document.querySelector("[data-menu-toggle]");
  var menu = document.querySelector("[data-menu]");
  if (!link || !menu) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", menu.id);
  while (link.firstChild) button.appendChild(link.firstChild);
  link.parentNode.replaceChild(button, link);
  document.documentElement.classList.add("has-menu-script");
  menu.hidden = true;

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }

  function open() {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    // The first link, not the search box: a phone would pop up its keyboard.
    var first = menu.querySelector(".site-menu-list a") || menu.querySelector("a[href], input");
    if (first) first.focus();
  }

  function close(returnFocus) {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  }

  button.addEventListener("click", () => {
    if (isOpen()) close(true);
    else open();
  });

  var closer = menu.querySelector("[data-menu-close]");
  if (closer) {
    closer.addEventListener("click", (event) => {
      event.preventDefault();
      close(true);
    });
  }

  // Capture phase: this runs before the search box's own handler, so an Escape that
  // closes open search suggestions leaves the menu open.
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || !isOpen()) return;
      var suggestions = menu.querySelector(".search-suggestions");
      if (suggestions && !suggestions.hidden && menu.contains(event.target)) return;
      close(
        menu.contains(event.target) || event.target === button || event.target === document.body,
      );
    },
    true,
  );

  document.addEventListener("click", (event) => {
    if (isOpen() && !menu.contains(event.target) && !button.contains(event.target)) {
      close(false);
    }
  });
})();
