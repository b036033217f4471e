// The shared prompt page is static HTML without a circuit: its Copy button works from here, by delegation.
import { copyText } from "./studio.js";

document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy-from]") : null;
  if (!button) { return; }
  const source = document.getElementById(button.getAttribute("data-copy-from"));
  const status = document.getElementById(button.getAttribute("data-copied-status"));
  const copied = source ? await copyText(source.textContent || "") : false;
  if (status) { status.textContent = copied ? "Copied to clipboard" : "Could not copy; select the text and copy it instead."; }
});
