// Page text is attacker-controlled: it is normalised and capped before it is stored,
// shown or sent. These helpers never produce markup.

/** Collapses whitespace (including NBSP and line breaks) and trims. */
export function normaliseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Normalises and caps a string at `max` characters, ending with an ellipsis when cut. */
export function capText(s: string, max: number): string {
  const clean = normaliseSpace(stripControls(s));
  if (clean.length <= max) return clean;
  return clean.slice(0, Math.max(0, max - 1)) + '…';
}

/**
 * Removes C0/C1 controls and the bidi override/embedding/isolate characters: a seller can
 * use them to make "evil.exe" read as "exe.live". Direction is isolated at display time too.
 */
export function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '');
}
