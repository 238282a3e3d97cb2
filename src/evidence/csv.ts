import { displayState, type TakedownRecord } from '../shared/model.ts';

// CSV for spreadsheets: RFC 4180 (CRLF rows, every field quoted, quotes doubled), UTF-8 with
// a BOM so Excel reads Chinese titles, and no cell that a spreadsheet would run as a formula.

/** Stable machine-readable headers: scripts that read the export key on them. */
export const CSV_COLUMNS = [
  'client_request_id',
  'marketplace',
  'item_id',
  'title',
  'seller',
  'price',
  'currency',
  'listing_url',
  'reason',
  'ip_right',
  'state',
  'case_id',
  'received_at',
  'sla_due_at',
  'flagged_at',
] as const;

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

function cellsOf(r: TakedownRecord, paused: boolean): (string | null)[] {
  const l = r.listing;
  return [
    r.clientRequestId,
    l.marketplace,
    l.itemId,
    l.title,
    l.seller.name,
    l.price?.amount ?? null,
    l.price?.currency ?? null,
    l.url,
    r.reason,
    r.ipRightId,
    displayState(r, paused),
    r.caseId,
    r.receivedAt,
    r.slaDueAt,
    r.flaggedAt,
  ];
}

/** The whole file as text, BOM first; rows in the order given (the popup's order). */
export function requestsCsv(records: readonly TakedownRecord[], opts: { paused: boolean }): string {
  return '\uFEFF' + csvRow(CSV_COLUMNS) + records.map((r) => csvRow(cellsOf(r, opts.paused))).join('');
}
