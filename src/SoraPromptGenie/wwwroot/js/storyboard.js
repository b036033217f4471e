// Browser helpers for the storyboard view.

// Puts the focus on a control inside a shot after the shot moved (moving a node in the page drops its focus).
export function focusIn(containerSelector, controlSelector) {
  const control = document.querySelector(containerSelector)?.querySelector(controlSelector);
  if (control) {
    control.focus();
  }
}
