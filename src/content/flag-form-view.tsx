import { render } from 'preact';
import type { ItemAnnotation, ResponseOf } from '../shared/messages.ts';

type Queued = Extract<ResponseOf<'flag'>, { ok: true }>;
import type { Listing } from '../shared/model.ts';
import { FlagForm } from './flag-form.tsx';

/**
 * The flag form rendered into `container`, for the plain-DOM toolbar of search pages and
 * panel of item pages: this module (Preact, the form, the schemas) is loaded only once the
 * user selects a card or opens the form, never with the page. Returns the unmount.
 */
export function showFlagForm(
  container: HTMLElement,
  listings: Listing[],
  onQueued: (a: ItemAnnotation[], filed: Listing[], answer: Queued) => void,
  onCancel: () => void,
  complete?: (listings: Listing[]) => Promise<Listing[]>,
  /** Items that already have a request and that the user chose to flag again. */
  flagAgain?: string[],
  /** The command whose keys the form shows (the toolbar shows its own). */
  shortcut: 'flag-listing' | null = null,
): () => void {
  render(<FlagForm listings={listings} flagAgain={flagAgain} complete={complete} onQueued={onQueued} onCancel={onCancel} shortcut={shortcut} />, container);
  return () => render(null, container);
}
