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

// Reads and drops one parameter of the address's fragment (#from=...), which never reaches the server, its logs or error
// reports; dropping it without a navigation means a reload does not repeat what it asked for.
export function takeFragmentParameter(name) {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const value = fragment.get(name);
  if (value === null) { return null; }
  fragment.delete(name);
  const rest = fragment.toString();
  history.replaceState(history.state, "", window.location.pathname + window.location.search + (rest ? "#" + rest : ""));
  return value;
}
