import { render } from 'preact';
import type { ItemAnnotation } from '../shared/messages.ts';
import type { Listing } from '../shared/model.ts';
import { FlagForm } from './flag-form.tsx';

/**
 * The flag form rendered into `container`, for the search page's plain-DOM toolbar: this
 * module (Preact, the form, the schemas) is loaded only once the user selects a card, never
 * with the page. Returns the unmount.
 */
export function showFlagForm(
  container: HTMLElement,
  listings: Listing[],
  onQueued: (a: ItemAnnotation[], filed: Listing[]) => void,
  onCancel: () => void,
  complete?: (listings: Listing[]) => Promise<Listing[]>,
): () => void {
  render(<FlagForm listings={listings} complete={complete} onQueued={onQueued} onCancel={onCancel} />, container);
  return () => render(null, container);
}
