import { isResolvedStatus } from '../shared/api/statuses.ts';
import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { t } from '../shared/i18n.ts';
import { askWorker } from './ask-worker.ts';
import { writeCardStatus } from './card-status.ts';
import { stateLabel } from './labels.ts';
import { provideOrders } from './page-orders.ts';
import { onTrusted } from './trusted.ts';

type FormModule = typeof import('./flag-form-view.tsx');

/** How often the SLA countdown on the page is refreshed; minutes are its finest unit. */
const TICK_MS = 30_000;
/** While the request is not resolved, its status is asked again this often (one small message). */
const FOLLOW_MS = 5_000;

/** The panel's frame, headed with its title: the item panel, or the word that the listing cannot be read. */
function panelFrame(doc: Document): HTMLElement {
  const section = doc.createElement('section');
  section.className = 'panel';
  section.setAttribute('aria-label', t('content_panel_title'));
  const head = doc.createElement('div');
  head.className = 'head';
  head.textContent = t('content_panel_title');
  section.append(head);
  return section;
}

export interface ItemPanelOptions {
  now?: () => number;
}

/**
 * The floating panel on an item page: the listing's request status and the flag button.
 * Plain DOM, like the search page's toolbar: the page loads no UI library (the bench's item
 * page ran 9 ms less main-thread CPU without one). The form (Preact, the schemas) is fetched
 * when the user opens it, or points at the button, never with the page. Returns the removal.
 */
export function itemPanel(doc: Document, parent: Node, listing: Listing, opts: ItemPanelOptions = {}): () => void {
  const now = opts.now ?? Date.now;
  let annotation: ItemAnnotation | null = null;
  let mode: 'button' | 'confirm' | 'form' = 'button';
  let live = true;
  let closeForm: (() => void) | null = null;
  let form: Promise<FormModule> | null = null;
  // A failed load (the extension was updated under the page) is tried again on the next click.
  const loadForm = () => (form ??= import('./flag-form-view.tsx').catch((err: unknown) => ((form = null), Promise.reject(err))));

  const el = (tag: string, className?: string, text?: string) => {
    const e = doc.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const section = panelFrame(doc);
  const title = el('span', 'listing page-text', listing.title);
  title.dir = 'auto';
  title.title = listing.title;
  section.append(title);
  if (listing.unavailable) {
    const gone = el('p', undefined, t('content_unavailable'));
    gone.dataset.testid = 'listing-unavailable';
    section.append(gone);
  }
  const status = el('div');
  status.hidden = true;
  const actions = el('div');
  section.append(status, actions);
  parent.appendChild(section);

  const flagButton = el('button') as HTMLButtonElement;
  flagButton.type = 'button';
  flagButton.dataset.testid = 'flag-listing';
  flagButton.addEventListener('click', onTrusted(() => (flagged() ? show('confirm') : show('form'))));
  // Pointing at the button fetches the form, so that it opens at once on the click.
  flagButton.addEventListener('pointerenter', () => void loadForm().catch(() => undefined), { once: true });

  const flagged = () => annotation !== null && annotation.clientRequestId !== '';
  const caseText = () => (annotation?.caseId ? t('content_case', annotation.caseId) : t('content_no_case_yet'));

  /** The status line and the button's words, from the request as last known. */
  const drawStatus = () => {
    if (annotation) writeCardStatus(status, annotation, now());
    status.hidden = !annotation;
    const yes = flagged();
    flagButton.className = yes ? 'flagged' : 'primary';
    flagButton.dataset.flagged = String(yes);
    flagButton.textContent = yes ? t('content_flagged', [caseText(), stateLabel(annotation!.state)]) : t('content_flag_listing');
  };

  const confirmBox = () => {
    const box = el('div', 'confirm');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', t('content_flag_again'));
    box.addEventListener('keydown', (e) => e.key === 'Escape' && close());
    const row = el('div', 'actions');
    const cancel = el('button', undefined, t('content_cancel')) as HTMLButtonElement;
    cancel.type = 'button';
    cancel.addEventListener('click', onTrusted(close));
    const again = el('button', 'primary', t('content_flag_again')) as HTMLButtonElement;
    again.type = 'button';
    again.dataset.testid = 'flag-again';
    again.addEventListener('click', onTrusted(() => show('form')));
    row.append(cancel, again);
    box.append(el('p', 'message', t('content_flag_again_question', [caseText(), annotation ? stateLabel(annotation.state) : ''])), row);
    return { box, focus: again };
  };

  const formBox = () => {
    const box = el('div', undefined, t('content_loading'));
    const listings = [listing];
    loadForm().then(
      (m) => {
        if (!live || mode !== 'form' || !box.isConnected) return;
        box.textContent = '';
        closeForm = m.showFlagForm(box, listings, (annotations) => queued(annotations), close, undefined, annotation ? [listing.itemId] : undefined, 'flag-listing');
      },
      () => {
        if (!live || !box.isConnected) return;
        const p = el('p', 'message error', t('content_worker_unreachable'));
        p.setAttribute('role', 'alert');
        box.replaceChildren(p);
      },
    );
    return box;
  };

  /** What the panel offers now: the button, the "flag again?" question or the form. */
  function show(next: typeof mode) {
    closeForm?.();
    closeForm = null;
    mode = next;
    if (next === 'button') return void actions.replaceChildren(flagButton);
    if (next === 'confirm') {
      const { box, focus } = confirmBox();
      actions.replaceChildren(box);
      return focus.focus();
    }
    actions.replaceChildren(formBox());
  }

  // Focus goes back where it came from when the form closes.
  function close() {
    show('button');
    requestAnimationFrame(() => live && flagButton.focus());
  }

  function queued(annotations: ItemAnnotation[]) {
    const mine = annotations.find((a) => a.itemId === listing.itemId);
    annotation = mine ?? { marketplace: listing.marketplace, itemId: listing.itemId, clientRequestId: '', state: 'queued', slaDueAt: null, caseId: null };
    drawStatus();
    close();
  }

  // One question per page: does this item already have a request? Then, while it is not
  // resolved, the same question now and then, so the status follows the case without a reload.
  const ask = () =>
    askWorker('lookup', { items: [{ marketplace: listing.marketplace, itemId: listing.itemId }] }).then(
      (res) => {
        const mine = Array.isArray(res?.annotations) ? res.annotations.find((a) => a.marketplace === listing.marketplace && a.itemId === listing.itemId) : undefined;
        if (!live || !mine) return;
        annotation = mine;
        drawStatus();
      },
      () => {}, // no status is shown when the worker cannot say; flagging still works
    );
  void ask();
  const follow = setInterval(() => {
    if (doc.visibilityState === 'visible' && annotation !== null && !isResolvedStatus(annotation.state)) void ask();
  }, FOLLOW_MS);
  const tick = setInterval(() => annotation && drawStatus(), TICK_MS);
  // The keyboard command opens the form (and grants activeTab for the capture); for a listing
  // that already has a request it asks first, as the button does, instead of filing again.
  const stopOrders = provideOrders({ flagFocused: () => (show(flagged() ? 'confirm' : 'form'), true) });

  drawStatus();
  show('button');
  return () => {
    live = false;
    clearInterval(follow);
    clearInterval(tick);
    stopOrders();
    closeForm?.();
    section.remove();
  };
}

/** Said instead of the panel when the page shows no listing we can read. */
export function unreadablePanel(doc: Document, parent: Node): () => void {
  const section = panelFrame(doc);
  section.dataset.testid = 'listing-unreadable';
  const p = doc.createElement('p');
  p.textContent = t('content_unreadable');
  section.append(p);
  parent.appendChild(section);
  return () => section.remove();
}
