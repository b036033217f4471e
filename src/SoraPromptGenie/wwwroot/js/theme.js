// Runs before first paint: applies the remembered theme, and wires every [data-theme-toggle] button without Blazor.
(function () {
  "use strict";
  var key = "spg.theme";
  var root = document.documentElement;
  function stored() {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function apply(theme) {
    if (theme === "light" || theme === "dark") { root.setAttribute("data-theme", theme); }
    else { root.removeAttribute("data-theme"); }
  }
  function current() {
    var explicit = root.getAttribute("data-theme");
    if (explicit) { return explicit; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  apply(stored());
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-theme-toggle]") : null;
    if (!button) { return; }
    var next = current() === "dark" ? "light" : "dark";
    apply(next);
    try { localStorage.setItem(key, next); } catch (e) { /* private mode: the choice lasts for this page only */ }
  });
})();
