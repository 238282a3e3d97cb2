// The constants of the message wire, without the schemas (messages.ts): content scripts on
// marketplace pages need these few values, not zod.

/** The envelope's namespace: a listener can ignore foreign messages at once. */
export const NS = 'tdf/1';
/** Worker → content script in a tab. */
export const TAB_NS = 'tdf-tab/1';
/** The most items (and sellers) one lookup may name: a page's cards, in chunks. */
export const LOOKUP_MAX = 2000;
