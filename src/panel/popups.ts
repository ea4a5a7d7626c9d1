/**
 * The popups Escape closes before anything else (the toolbar's menus, the redaction preview),
 * newest on top. The App's one Escape handler asks here first, so a popup closes without also
 * closing the detail pane behind it, and the key never reaches DevTools (which would open its
 * drawer).
 */
const open: (() => void)[] = [];

/** Registers an open popup's close; returns the function that unregisters it. */
export function closeOnEscape(close: () => void): () => void {
  open.push(close);
  return () => {
    const i = open.lastIndexOf(close);
    if (i >= 0) open.splice(i, 1);
  };
}

/** Closes the newest open popup; false when none is open. */
export function closeNewestPopup(): boolean {
  const close = open.pop();
  if (!close) return false;
  close();
  return true;
}
