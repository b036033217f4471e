// Browser helpers for the studio: clipboard, keyboard shortcuts, remembered preferences and the kept draft.

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

// The draft (text, history, applied cards) is written by the server after every change of state. Typed text is kept
// here instead, without a round trip per key: shortly after typing stops, and when the page goes away (reload, a form
// post of the library panel, closing the tab), so nothing typed just before is lost.

export function saveDraft(key, json) {
  try { localStorage.setItem(key, json); return true; } catch { return false; }
}

function storedDraft(key) {
  try { return localStorage.getItem(key) ?? ""; } catch { return ""; }
}

export function hasDraft(key) {
  return storedDraft(key).length > 0;
}

// Returned as bytes, so the server reads it as a stream: a large draft does not fit in one circuit message.
export function loadDraft(key) {
  return new TextEncoder().encode(storedDraft(key));
}

function storeDraftText(key, text) {
  let draft = null;
  try { draft = JSON.parse(localStorage.getItem(key) ?? "null"); } catch { draft = null; }
  if (draft === null || typeof draft !== "object" || Array.isArray(draft)) { draft = {}; }
  if (draft.text === text) { return; }
  draft.text = text;
  try { localStorage.setItem(key, JSON.stringify(draft)); } catch { /* quota or private mode: the server's copy stays */ }
}

export function keepTypedText(key, area, delayMs) {
  let timer = 0;
  const store = () => {
    clearTimeout(timer);
    // While an answer streams in, the editor shows unfinished text; the draft keeps the prompt from before it.
    if (!area.readOnly) { storeDraftText(key, area.value); }
  };
  const onInput = () => { clearTimeout(timer); timer = setTimeout(store, delayMs); };
  area.addEventListener("input", onInput);
  window.addEventListener("pagehide", store);
  return {
    dispose: () => {
      clearTimeout(timer);
      area.removeEventListener("input", onInput);
      window.removeEventListener("pagehide", store);
    },
  };
}

// The server refused this tab's circuit (too many open from this address): end it now rather than hold it until the tab closes.
export function releaseCircuit() {
  window.Blazor?.disconnect?.();
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
