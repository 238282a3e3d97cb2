import type { ItemAnnotation } from '../shared/messages.ts';
import { isResolvedStatus } from '../shared/api/statuses.ts';
import { t } from '../shared/i18n.ts';
import { stateLabel } from './state-label.ts';
import { slaLeft } from './sla-left.ts';

/**
 * A request's status (hook `listing-status`) on a card or in the item panel, written with
 * plain DOM: cards are many, and a Preact render per card was measured among the costs of a
 * search page. Text only, never markup.
 */
export function writeCardStatus(el: HTMLElement, annotation: ItemAnnotation, now: number): void {
  const doc = el.ownerDocument;
  if (!el.firstChild) {
    el.className = 'status';
    el.dataset.testid = 'listing-status';
    const label = doc.createElement('span');
    label.textContent = `${t('content_status_label')}:`;
    const state = doc.createElement('span');
    state.className = 'state';
    state.dir = 'auto';
    const sla = doc.createElement('span');
    sla.className = 'sla';
    el.append(label, state, sla);
  }
  const [, state, sla] = el.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
  el.dataset.state = annotation.state;
  el.dataset.itemId = annotation.itemId;
  state.textContent = stateLabel(annotation.state);
  const left = isResolvedStatus(annotation.state) ? null : slaLeft(annotation.slaDueAt, now);
  sla.hidden = !left;
  if (!left) {
    // A case resolved since: no countdown left behind in the text.
    sla.textContent = '';
    delete sla.dataset.tone;
    delete sla.dataset.dueAt;
    return;
  }
  sla.dataset.tone = left.tone;
  sla.dataset.dueAt = annotation.slaDueAt ?? '';
  sla.textContent = left.text;
}
