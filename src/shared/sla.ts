// The alliance's 24-hour service level, counted on business days: every hour
// of Monday to Friday in the marketplace's time zone counts, weekends do not.
// Pure (no I/O, no clock): the sandbox computes slaDueAt with it and the popup
// uses it only for display, so both must agree to the millisecond.

export const SLA_MS = 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23 avoids the "24" hour some engines print for midnight with hour12:false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock time at instant `t`, expressed as if it were a UTC timestamp. */
function wallAsUtc(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall + (((t % 1000) + 1000) % 1000); // the formatter drops milliseconds
}

/** The instant at which the zone's clock shows `wall` (read from a UTC timestamp). */
function instantOfWall(wall: number, timeZone: string): number {
  // Offsets change (DST, history), so refine the guess with the offset at the guess.
  let guess = wall - (wallAsUtc(wall, timeZone) - wall);
  guess = wall - (wallAsUtc(guess, timeZone) - guess);
  return guess;
}

interface LocalDay { businessDay: boolean; end: number }

/** Whether the local day containing `t` is Mon–Fri, and the instant it ends. */
function localDay(t: number, timeZone: string): LocalDay {
  const wall = wallAsUtc(t, timeZone);
  const midnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  const weekday = new Date(midnight).getUTCDay();
  let end = instantOfWall(midnight + DAY_MS, timeZone);
  if (end <= t) end = t + 3600 * 1000; // only if a zone skips its midnight; keeps the walk moving
  return { businessDay: weekday >= 1 && weekday <= 5, end };
}

/** `from` plus `ms` of business time in `timeZone`. */
export function addBusinessTime(from: Date, ms: number, timeZone: string): Date {
  let t = from.getTime();
  let remaining = ms;
  if (remaining <= 0) return new Date(t);
  for (;;) {
    const day = localDay(t, timeZone);
    if (day.businessDay) {
      const available = day.end - t;
      // `<=`: a deadline that falls exactly on a day's end stays there (Sat 11:00 → Tue 00:00).
      if (remaining <= available) return new Date(t + remaining);
      remaining -= available;
    }
    t = day.end;
  }
}

export function slaDueAt(receivedAt: Date, timeZone: string): Date {
  return addBusinessTime(receivedAt, SLA_MS, timeZone);
}

/** Business milliseconds from `a` to `b` in `timeZone`; 0 when `b` is not after `a`. */
export function businessMsBetween(a: Date, b: Date, timeZone: string): number {
  const endT = b.getTime();
  let t = a.getTime();
  let total = 0;
  while (t < endT) {
    const day = localDay(t, timeZone);
    const stop = Math.min(day.end, endT);
    if (day.businessDay) total += stop - t;
    t = stop;
  }
  return total;
}

const LAZADA_ZONES: ReadonlyArray<readonly [string, string]> = [
  ['.com.my', 'Asia/Kuala_Lumpur'],
  ['.sg', 'Asia/Singapore'],
  ['.com.ph', 'Asia/Manila'],
  ['.co.th', 'Asia/Bangkok'],
  ['.vn', 'Asia/Ho_Chi_Minh'],
  ['.co.id', 'Asia/Jakarta'],
];

/** The IANA zone whose business days count for a listing (spec: "The 24-hour service level"). */
export function timeZoneFor(marketplace: string, listingUrl: string): string {
  switch (marketplace) {
    case 'taobao': case 'tmall': case '1688': case 'aliexpress':
      return 'Asia/Shanghai';
    case 'lazada': {
      let host = '';
      try { host = new URL(listingUrl).hostname.toLowerCase(); } catch { /* fall through to default */ }
      const hit = LAZADA_ZONES.find(([suffix]) => host.endsWith(suffix));
      // Lazada's regional headquarters; used for hosts the spec does not list.
      return hit ? hit[1] : 'Asia/Singapore';
    }
    default:
      // Not in the spec; UTC keeps the arithmetic defined rather than throwing.
      return 'UTC';
  }
}

/**
 * When business time resumes after `at` in `timeZone`: null while `at` is business time
 * (the clock is running), else the start of the next Monday-to-Friday day there.
 */
export function businessResumesAt(at: Date, timeZone: string): Date | null {
  let t = at.getTime();
  let day = localDay(t, timeZone);
  if (day.businessDay) return null;
  for (let i = 0; i < 14 && !day.businessDay; i++) {
    t = day.end;
    day = localDay(t, timeZone);
  }
  return new Date(t);
}
