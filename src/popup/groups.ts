// "Needs me first": the popup's groups, their order, and the filters whose counts they show.
// Pure over the stored requests, so it is tested without a browser.
import type { TakedownRecord } from '../shared/model.ts';
import { displayState } from '../shared/display-state.ts';
import { isClosed } from '../shared/sla-view.ts';
import { normaliseSpace } from '../shared/text.ts';

export const GROUPS = ['needs_you', 'queued', 'open', 'resolved'] as const;
export type GroupId = (typeof GROUPS)[number];

const WAITS_ON_MEMBER = new Set(['needs_info', 'counter_notice']);

export function groupOf(r: TakedownRecord, paused: boolean): GroupId {
  const state = displayState(r, paused);
  if (state === 'attention' || WAITS_ON_MEMBER.has(state)) return 'needs_you';
  if (isClosed(r)) return 'resolved';
  if (r.caseId === null && r.outbox.state !== 'submitted') return 'queued';
  return 'open';
}

const time = (iso: string | null, missing: number) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? missing : t;
};

/** Among what needs the user, without a deadline: our own refusals first, then the alliance's questions. */
const urgency = (r: TakedownRecord) => (r.caseStatus === null ? 0 : r.caseStatus === 'needs_info' ? 1 : 2);

/** The time a record sorts by within its group, parsed once per record rather than per comparison. */
function sortTime(group: GroupId, r: TakedownRecord): number {
  if (group === 'needs_you') return time(r.respondBy, Infinity);
  if (group === 'open') return time(r.slaDueAt, Infinity);
  if (group === 'resolved') return time(r.resolvedAt ?? r.updatedAt, 0);
  return 0;
}

interface Keyed {
  r: TakedownRecord;
  t: number;
}

/** Within a group: what is due soonest leads. */
function compareIn(group: GroupId, { r: a, t: ta }: Keyed, { r: b, t: tb }: Keyed): number {
  let c = 0;
  if (group === 'needs_you') c = ta - tb || urgency(a) - urgency(b) || a.flaggedAt.localeCompare(b.flaggedAt);
  else if (group === 'queued') c = a.flaggedAt.localeCompare(b.flaggedAt);
  else if (group === 'open') c = ta - tb;
  else c = tb - ta;
  return c || a.clientRequestId.localeCompare(b.clientRequestId);
}

function sortIn(group: GroupId, records: TakedownRecord[]): TakedownRecord[] {
  const keyed = records.map((r) => ({ r, t: sortTime(group, r) }));
  keyed.sort((a, b) => compareIn(group, a, b));
  return keyed.map((k) => k.r);
}

export interface Group {
  id: GroupId;
  records: TakedownRecord[];
}

/** The non-empty groups in order, each sorted. */
export function groupRequests(records: readonly TakedownRecord[], paused: boolean): Group[] {
  const by = new Map<GroupId, TakedownRecord[]>(GROUPS.map((g) => [g, []]));
  for (const r of records) by.get(groupOf(r, paused))!.push(r);
  return GROUPS.map((id) => ({ id, records: sortIn(id, by.get(id)!) })).filter((g) => g.records.length > 0);
}

export interface Filters {
  text: string;
  /** A display state (`queued`, `needs_info`, …) or '' for all. */
  state: string;
  marketplace: string;
  /** A sellerKey or ''. */
  seller: string;
  ipRight: string;
  /** yyyy-mm-dd bounds on the flag date, in the user's zone; '' leaves a side open. */
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { text: '', state: '', marketplace: '', seller: '', ipRight: '', from: '', to: '' };

const fold = (s: string) => normaliseSpace(s).toLocaleLowerCase();

function dayStart(ymd: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : NaN;
}

/** Rows that pass every filter; the text matches item id, title, seller, seller id or case id, word by word. */
export function applyFilters(records: readonly TakedownRecord[], f: Filters, paused: boolean): TakedownRecord[] {
  const words = fold(f.text).split(' ').filter(Boolean);
  const from = f.from ? dayStart(f.from) : -Infinity;
  const to = f.to ? dayStart(f.to) + 24 * 3600 * 1000 : Infinity;
  return records.filter((r) => {
    if (f.state && displayState(r, paused) !== f.state) return false;
    if (f.marketplace && r.listing.marketplace !== f.marketplace) return false;
    if (f.seller && r.sellerKey !== f.seller) return false;
    if (f.ipRight && r.ipRightId !== f.ipRight) return false;
    if (f.from || f.to) {
      const t = Date.parse(r.flaggedAt);
      if (!(t >= from && t < to)) return false;
    }
    if (words.length === 0) return true;
    const l = r.listing;
    const hay = fold(`${l.itemId} ${l.title} ${l.seller.name} ${l.seller.id ?? ''} ${r.caseId ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
}

export const hasFilters = (f: Filters) => Object.values(f).some((v) => v !== '');

/** Not yet accepted by the service and not waiting on the user: what "Send now" sends. */
export function countQueued(records: readonly TakedownRecord[]): number {
  return records.filter((r) => r.caseId === null && (r.outbox.state === 'queued' || r.outbox.state === 'sending')).length;
}

/** Requests whose evidence is still being captured (their tab must be in front). */
export function countCapturing(records: readonly TakedownRecord[]): number {
  return records.filter((r) => r.outbox.state === 'capturing').length;
}

/** The sellers among the requests, most requests first, for the seller filter. */
export function sellerChoices(records: readonly TakedownRecord[], max = 200): { key: string; name: string; count: number }[] {
  const by = new Map<string, { key: string; name: string; count: number }>();
  for (const r of records) {
    const s = by.get(r.sellerKey) ?? { key: r.sellerKey, name: r.listing.seller.name, count: 0 };
    s.count++;
    by.set(r.sellerKey, s);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, max);
}
