// The keyboard command's way to the item panel's flag form, apart from the capture responder
// that receives it: the panel registers on every item page, the responder loads on demand.

const openers = new Set<() => void>();

/** The item panel registers here; the keyboard command opens its flag form. */
export function onFlagFormRequest(open: () => void): () => void {
  openers.add(open);
  return () => void openers.delete(open);
}

/** Opens every registered flag form; false when no panel is there to open one. */
export function openFlagForms(): boolean {
  for (const open of openers) open();
  return openers.size > 0;
}
