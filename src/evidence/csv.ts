import { displayState, type TakedownRecord } from '../shared/model.ts';
import { timeZoneFor } from '../shared/sla.ts';

// CSV for spreadsheets: RFC 4180 (CRLF rows, every field quoted, quotes doubled), UTF-8 with
// a BOM so Excel reads Chinese titles, and no cell that a spreadsheet would run as a formula.

/**
 * Stable machine-readable headers: scripts that read the export key on them. Codes come with a
 * `_label` column in the UI language beside them; every time is given in UTC (RFC 3339) and in
 * the marketplace's zone (`_local`, with its offset), the zone the service level counts in.
 */
export const CSV_COLUMNS = [
  'client_request_id',
  'marketplace',
  'marketplace_label',
  'item_id',
  'title',
  'seller',
  'seller_id',
  'shop_url',
  'price',
  'currency',
  'listing_url',
  'reason',
  'reason_label',
  'ip_right',
  'note',
  'state',
  'state_label',
  'case_id',
  'outcome',
  'resolution_message',
  'time_zone',
  'flagged_at',
  'flagged_at_local',
  'received_at',
  'received_at_local',
  'sla_due_at',
  'sla_due_at_local',
  'respond_by',
  'respond_by_local',
  'resolved_at',
  'resolved_at_local',
  'evidence_sha256',
  'evidence_gaps',
] as const;

/** Words in the UI language for the codes (the popup passes its translations). */
export interface CsvLabels {
  state(code: string): string;
  reason(code: string): string;
  marketplace(code: string): string;
}

const CODES: CsvLabels = { state: (c) => c, reason: (c) => c, marketplace: (c) => c };

const local = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-24 10:00:00 +08:00`: the wall time in `timeZone` with its offset, whatever zone this runs in. */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  let f = local.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    local.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${sign}${hh}:${mm}`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Titles and seller names come from marketplace pages: a seller can name a listing
 * `=HYPERLINK(...)`. A leading apostrophe makes the spreadsheet show it as text (OWASP).
 */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly (string | null | undefined)[]): string {
  return cells.map((c) => quote(neutralise(c ?? ''))).join(',') + '\r\n';
}

function cellsOf(r: TakedownRecord, paused: boolean, labels: CsvLabels): (string | null)[] {
  const l = r.listing;
  const zone = timeZoneFor(l.marketplace, l.url);
  const state = displayState(r, paused);
  const both = (iso: string | null) => [iso, localTime(iso, zone)];
  return [
    r.clientRequestId,
    l.marketplace,
    labels.marketplace(l.marketplace),
    l.itemId,
    l.title,
    l.seller.name,
    l.seller.id,
    l.seller.shopUrl,
    l.price?.amount ?? null,
    l.price?.currency ?? null,
    l.url,
    r.reason,
    labels.reason(r.reason),
    r.ipRightId,
    r.note,
    state,
    labels.state(state),
    r.caseId,
    r.resolution?.code ?? null,
    r.resolution?.message ?? null,
    zone,
    ...both(r.flaggedAt),
    ...both(r.receivedAt),
    ...both(r.slaDueAt),
    ...both(r.respondBy),
    ...both(r.resolvedAt),
    r.evidence.map((e) => `${e.kind}:${e.sha256}`).join(' '),
    r.evidenceGaps.map((g) => g.message).join('; '),
  ];
}

/** The whole file as text, BOM first; rows in the order given (the popup's order). */
export function requestsCsv(records: readonly TakedownRecord[], opts: { paused: boolean; labels?: CsvLabels }): string {
  const labels = opts.labels ?? CODES;
  return '\uFEFF' + csvRow(CSV_COLUMNS) + records.map((r) => csvRow(cellsOf(r, opts.paused, labels))).join('');
}
