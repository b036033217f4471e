// Browser helpers for the studio: clipboard, keyboard shortcuts and remembered preferences.

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure origin): fall back to a hidden textarea and execCommand.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch { copied = false; }
    area.remove();
    return copied;
  }
}

export function getPreference(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function setPreference(key, value) {
  try { localStorage.setItem(key, value); } catch { /* private mode: remembered for this page only */ }
}

function shortcutOf(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) { return null; }
  const key = event.key.toLowerCase();
  if (key === "enter") { return "auto-generate"; }
  if (key === "z") { return event.shiftKey ? "redo" : "undo"; }
  if (key === "y" && event.ctrlKey && !event.shiftKey) { return "redo"; }
  return null;
}

export function registerShortcuts(dotnet) {
  const handler = (event) => {
    const name = shortcutOf(event);
    if (!name) { return; }
    // Undo inside the prompt is the studio's undo (which also restores applied cards), not the textarea's own.
    event.preventDefault();
    dotnet.invokeMethodAsync("OnShortcut", name);
  };
  document.addEventListener("keydown", handler);
  return { dispose: () => document.removeEventListener("keydown", handler) };
}
