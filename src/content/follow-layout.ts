/**
 * Calls `onChange` (the caller coalesces into frames) when the page's layout may have moved cards:
 * the window resized, the document's size changed (images loaded, content grew above), or
 * an inner scroller scrolled. Window scrolling is not among them: the card UI lives in
 * document coordinates and scrolls with the page by itself.
 */
export function followLayout(doc: Document, onChange: () => void): () => void {
  const view = doc.defaultView;
  const schedule = () => onChange();
  const stop = new AbortController();
  view?.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
  // Scroll events of elements do not bubble, but they can be caught on the way down.
  doc.addEventListener('scroll', (e) => e.target !== doc && schedule(), { capture: true, passive: true, signal: stop.signal });
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  if (doc.body) resize?.observe(doc.body);
  return () => {
    stop.abort();
    resize?.disconnect();
  };
}
