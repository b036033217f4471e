// Links marked [data-focus-link] move the keyboard focus to what they point at, not only the scroll position, so the
// next Tab continues from there (skip links, the category list, the phone's prompt peek).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-focus-link]") : null;
    var target = link ? document.getElementById((link.getAttribute("href") || "").slice(1)) : null;
    if (!target) { return; }
    event.preventDefault();
    target.focus();
  }, true);
})();
