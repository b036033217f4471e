// The shared prompt page is static HTML without a circuit: its Copy button works from here, by delegation.
(function () {
  "use strict";
  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      // Clipboard API refused (permissions, insecure origin): fall back to a hidden textarea and execCommand.
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (err) { copied = false; }
      area.remove();
      return copied;
    }
  }
  document.addEventListener("click", async function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-copy-from]") : null;
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    var status = document.getElementById(button.getAttribute("data-copied-status"));
    var copied = source ? await copy(source.textContent || "") : false;
    if (status) { status.textContent = copied ? "Copied to clipboard" : "Could not copy; select the text and copy it instead."; }
  });
})();
