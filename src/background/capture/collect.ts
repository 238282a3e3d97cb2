import { t } from '../../shared/i18n.ts';
import type { CapturePage, CaptureStart, ScrollState } from '../../shared/messages.ts';
import type { Listing, Problem } from '../../shared/model.ts';
import type { PageKind } from '../../sites/adapter.ts';
import { artifact, type Artifact } from './artifact.ts';
import { captureArchive } from './archive.ts';
import { captureCards } from './card-shots.ts';
import { captureFullPage } from './full-page.ts';
import type { CaptureNotes, CardNote } from '../../evidence/format.ts';
import { screenshotGap, shoot, type Shot, type ShotTarget } from './screenshot.ts';
import { askTab } from './tab-link.ts';
import { canSaveMhtml } from '../../shared/browser.ts';

export interface ListingCapture {
  /** Captures of this listing only (its card's screenshot). */
  artifacts: Artifact[];
  gaps: Problem[];
  card: CardNote | null;
}

export interface Capture {
  /** In every listing's evidence: the viewport, the full page, the archive. */
  shared: Artifact[];
  gaps: Problem[];
  /** Index-aligned with the flagged listings. */
  listings: ListingCapture[];
  notes: Omit<CaptureNotes, 'cards' | 'durationMs'>;
  /** The page's own account: its URL, whether it was in front, what had not loaded (null: no answer). */
  page: CapturePage | null;
  viewport: { width: number; height: number; devicePixelRatio: number } | null;
}

/**
 * The view of the page as the user had it, kept from one step of a capture job to the next
 * (its chunks run one after another): a step that finds the page as the last one did (same
 * document, scroll position and sizes; each step scrolls back to it) shows that capture
 * again, with its own time, instead of taking another. Chrome allows two captures a
 * second, so for 300 listings in chunks of 20 this is 14 of about 60 (7 s). Kept in memory
 * only: a restarted worker or a job that waited for its tab takes a fresh one.
 */
export interface ViewMemo {
  last: { key: string; shot: Shot; at: Date } | null;
}

const viewKey = (s: CaptureStart) => JSON.stringify([s.page?.url ?? null, s.scrollX, s.scrollY, s.viewportWidth, s.viewportHeight, s.pageHeight, s.devicePixelRatio]);

const CARD_GAPS = {
  card_not_found: 'capture_gap_card_not_found',
  card_screenshot_skipped: 'capture_gap_card_skipped',
  card_screenshot_failed: 'capture_gap_card_failed',
} as const;

/**
 * Captures the evidence of a flag on `target`'s page: the viewport as the user saw it (our
 * UI hidden), then the whole page (item pages) or each flagged card (search and shop
 * pages), and the archive alongside. Whatever fails becomes a gap that says why; the user's
 * scroll position and our UI are put back, also after a failure.
 */
export async function captureEvidence(target: ShotTarget, kind: PageKind, listings: Listing[], view?: ViewMemo): Promise<Capture> {
  const archiveRun = captureArchive(target.tabId);
  const perCard = kind === 'search' || kind === 'shop';
  const gaps: Problem[] = [];
  const shared: Artifact[] = [];
  const perListing: ListingCapture[] = listings.map(() => ({ artifacts: [], gaps: [], card: null }));
  const notes: Capture['notes'] = { viewport: null, archive: null };

  // Without our content script (an old copy after an update) only the plain capture is possible.
  // Item pages: the listing's main images and price must be really loaded before the capture.
  const expect = perCard ? undefined : { imageUrls: listings.flatMap((l) => l.imageUrls.slice(0, 5)), prices: listings.flatMap((l) => (l.price ? [l.price.amount] : [])) };
  const begun = await askTab(target.tabId, 'captureBegin', { itemIds: perCard ? listings.map((l) => l.itemId) : [], ...(expect ? { expect } : {}) }).catch(() => null);
  const start: ScrollState | null = begun;
  try {
    let visible: Shot | null = null;
    let visibleAt = new Date();
    const key = begun && viewKey(begun);
    if (key && view?.last?.key === key) ({ shot: visible, at: visibleAt } = view.last);
    else {
      try {
        visible = await shoot(target);
        visibleAt = new Date();
        if (key && view) view.last = { key, shot: visible, at: visibleAt };
      } catch (err) {
        gaps.push(await screenshotGap(err)); // no permission: no capture of any kind will work
      }
    }
    if (visible) {
      const shot = await artifact('screenshot', 'image/png', visible.data, visibleAt);
      shared.push(shot);
      if (start) {
        notes.viewport = {
          sha256: shot.ref.sha256,
          scrollX: start.scrollX,
          scrollY: start.scrollY,
          viewport: { width: start.viewportWidth, height: start.viewportHeight },
          devicePixelRatio: start.devicePixelRatio,
          scale: visible.height / start.viewportHeight,
        };
      }
      if (!start) {
        if (perCard || kind === 'item') gaps.push({ code: perCard ? 'card_screenshot_failed' : 'screenshot_full_failed', message: t('capture_gap_no_page_script') });
      } else if (perCard) await cardShots(target, start, visible, listings, perListing, shot);
      else if (kind === 'item') {
        try {
          const full = await captureFullPage(target, start, visible);
          if (full.png) {
            const a = await artifact('screenshot_full', 'image/png', full.png, new Date());
            shared.push(a);
            full.note.sha256 = a.ref.sha256;
          }
          notes.fullPage = full.note;
        } catch (err) {
          gaps.push({ code: 'screenshot_full_failed', message: t('capture_gap_full_failed', (err as Error).message) });
        }
      }
    }
  } finally {
    if (start) await askTab(target.tabId, 'captureEnd', { scrollX: start.scrollX, scrollY: start.scrollY }).catch(() => undefined);
  }

  const archive = await archiveRun;
  if (archive.ok) {
    shared.push(archive.artifact);
    notes.archive = archive.note;
    // Firefox has no MHTML: the user sees that the archive is the page's HTML, and why.
    if (archive.note.format === 'html' && !canSaveMhtml()) gaps.push({ code: 'archive_html_only', message: t('capture_gap_no_mhtml') });
  } else gaps.push(archive.gap);
  const viewport = begun ? { width: begun.viewportWidth, height: begun.viewportHeight, devicePixelRatio: begun.devicePixelRatio } : null;
  return { shared, gaps, listings: perListing, notes, page: begun?.page ?? null, viewport };
}

async function cardShots(target: ShotTarget, start: ScrollState, visible: Shot, listings: Listing[], out: ListingCapture[], visibleArtifact: Artifact) {
  const outcomes = await captureCards(target, start, visible, listings.map((l) => l.itemId));
  // Cards captured together share one artifact (hashed once, stored once).
  const artifacts = new Map<Shot, Artifact>([[visible, visibleArtifact]]);
  for (const [i, listing] of listings.entries()) {
    const o = outcomes.get(listing.itemId) ?? { ok: false as const, code: 'card_not_found' as const };
    const mine = out[i]!;
    if (!o.ok) {
      mine.gaps.push({ code: o.code, message: t(CARD_GAPS[o.code], o.detail ?? '') });
      continue;
    }
    let a = artifacts.get(o.shot);
    if (!a) artifacts.set(o.shot, (a = await artifact('screenshot', 'image/png', o.shot.data, new Date())));
    if (a !== visibleArtifact) mine.artifacts.push(a);
    mine.card = { sha256: a.ref.sha256, ...o.note };
  }
}
