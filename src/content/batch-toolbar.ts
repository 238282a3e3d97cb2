import type { Listing } from '../shared/model.ts';
import { LIMITS } from '../shared/limits.ts';
import { t } from '../shared/i18n.ts';
import type { PageState } from './page-state.ts';
import { onTrusted } from './trusted.ts';
import { showBatchProgress } from './batch-progress.ts';
import { provideOrders } from './page-orders.ts';
import { shortcutHint } from './shortcut-keys.ts';

type FormModule = typeof import('./flag-form-view.tsx');

/**
 * The toolbar of a search or shop page (hooks batch-toolbar with data-count, flag-selected):
 * present only while at least one card is selected; flags the whole selection in one
 * message through the same form as item pages. Plain DOM, so that the page loads no UI
 * library; the form's module is fetched when the first card is selected, before it is needed.
 */
export function batchToolbar(
  doc: Document,
  parent: Node,
  state: PageState,
  visible: () => Listing[],
  /** Reads what the selected cards still lack (a seller) before they are filed. */
  complete?: (listings: Listing[]) => Promise<Listing[]>,
): () => void {
  let form: Promise<FormModule> | null = null;
  let closeForm: (() => void) | null = null;
  let progress: (() => void) | null = null;
  let el: HTMLElement | null = null;
  let status: HTMLElement;
  let full: HTMLElement;
  let actions: HTMLElement;
  let formBox: HTMLElement;

  // A failed load (the extension was updated under the page) is tried again on the next click.
  const loadForm = () => (form ??= import('./flag-form-view.tsx').catch((err: unknown) => ((form = null), Promise.reject(err))));
  const button = (text: string, onClick: () => void, primary = false) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (primary) b.className = 'primary';
    b.addEventListener('click', onTrusted(onClick));
    return b;
  };
  const hideForm = () => {
    closeForm?.();
    closeForm = null;
    formBox.hidden = true;
    actions.hidden = false;
  };
  const openForm = () => {
    const listings = [...state.selected.values()];
    const again = listings.filter((l) => state.again.has(l.itemId)).map((l) => l.itemId);
    actions.hidden = true;
    formBox.hidden = false;
    formBox.textContent = t('content_loading');
    loadForm().then(
      (m) => {
        if (!el || formBox.hidden) return;
        formBox.textContent = '';
        closeForm = m.showFlagForm(formBox, listings, (annotations, filed, answer) => {
          hideForm();
          state.flagged(filed, annotations.concat(answer.skipped ?? []));
          progress?.();
          progress = showBatchProgress(doc, parent, answer.jobId ?? null, answer.clientRequestIds.length, answer.skipped?.length ?? 0);
        }, hideForm, complete, again);
      },
      () => {
        formBox.textContent = '';
        hideForm();
        const p = doc.createElement('p');
        p.className = 'message error';
        p.setAttribute('role', 'alert');
        p.textContent = t('content_worker_unreachable');
        actions.before(p);
        setTimeout(() => p.remove(), 8000);
      },
    );
  };
  const build = () => {
    el = doc.createElement('section');
    el.className = 'panel toolbar';
    el.dataset.testid = 'batch-toolbar';
    el.setAttribute('aria-label', t('content_panel_title'));
    const head = doc.createElement('div');
    head.className = 'head';
    status = doc.createElement('span');
    status.setAttribute('role', 'status');
    head.append(status);
    full = doc.createElement('p');
    full.className = 'message';
    full.textContent = t('content_selection_full', String(LIMITS.batch));
    actions = doc.createElement('div');
    actions.className = 'actions';
    const flag = button(t('content_flag_selected'), openForm, true);
    flag.dataset.testid = 'flag-selected';
    const all = button(t('content_select_visible'), () => state.selectMany(visible()));
    all.dataset.testid = 'select-all-visible';
    const clear = button(t('content_clear_selection'), () => state.clear());
    clear.dataset.testid = 'clear-selection';
    actions.append(all, clear, flag);
    formBox = doc.createElement('div');
    formBox.hidden = true;
    // The keyboard commands of a selection, with the keys the user has for them.
    const keys = shortcutHint(doc, [
      { name: 'toggle-selection', label: (k) => t('content_shortcut_select', k) },
      { name: 'flag-selection', label: (k) => t('content_shortcut_flag_selection', k) },
    ]);
    el.append(head, full, actions, formBox, keys);
    parent.appendChild(el);
  };
  const remove = () => {
    closeForm?.();
    closeForm = null;
    el?.remove();
    el = null;
  };

  const unsubscribe = state.subscribe((change) => {
    if (!change.selection) return;
    const count = state.selected.size;
    if (!count) return remove();
    loadForm().catch(() => undefined);
    if (!el) build();
    el!.dataset.count = String(count);
    status.textContent = t('content_selected_count', String(count));
    full.hidden = !state.full;
  });
  // The keyboard command "flag the selection" opens this form, as the button does.
  const stopOrders = provideOrders({ flagSelection: () => (el && state.selected.size ? (formBox.hidden && openForm(), true) : false) });
  return () => (unsubscribe(), stopOrders(), remove(), progress?.());
}
