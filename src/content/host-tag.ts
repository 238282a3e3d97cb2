// The UI root's tag, apart from mount.ts (and its styles) so that the always-loaded part of
// the content script can remove the UI without carrying the UI code.

export const HOST_TAG = 'tdf-root';

/** Removes every UI root of the document: this copy of the extension is done with the page. */
export function removeHosts(doc: Document): void {
  for (const host of doc.querySelectorAll(HOST_TAG)) host.remove();
}
