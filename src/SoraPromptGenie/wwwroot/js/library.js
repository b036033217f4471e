// Browser helpers for the library panel: the prompt this browser had open, the new key's download, scrolling into view.

export function getOpenPrompt(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function setOpenPrompt(key, id) {
  try {
    if (id) { localStorage.setItem(key, id); } else { localStorage.removeItem(key); }
  } catch { /* private mode: the open prompt is forgotten on reload */ }
}

// The file is made here from text the page already holds, so the key never travels in a URL to the server.
export function downloadText(fileName, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function scrollIntoView(element) {
  element?.scrollIntoView({ block: "center", behavior: "instant" });
  element?.focus({ preventScroll: true });
}

// Drops one query parameter from the address bar without a navigation, so a reload does not repeat what it asked for.
export function forgetQuery(name) {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(name)) { return; }
  url.searchParams.delete(name);
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
}
