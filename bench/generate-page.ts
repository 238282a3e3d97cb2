import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/taobao/search-gen3.html');
const FIRST_ID = 800000000001;

/**
 * A Taobao gen 3 search page with `count` cards: the fixture's own card markup, repeated in
 * order, each copy renumbered to a unique item id (800000000001 upwards), so that the page
 * is what the adapter sees on s.taobao.com, only longer. Another `firstId` gives a page of
 * listings never flagged before (a flag refuses a repeat). Non-card blocks (suggestions) stay.
 */
export function generateSearchPage(count: number, firstId = FIRST_ID): string {
  const html = readFileSync(FIXTURE, 'utf8');
  const open = '<div class="contentInner--xICYBlag">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('<div class="pgWrap--', start);
  if (start < open.length || end < 0) throw new Error('search-gen3.html changed shape: update the benchmark generator');
  const inner = html.slice(start, end);
  const closeAt = inner.lastIndexOf('</div>', inner.lastIndexOf('</div>') - 1); // the grid's and the wrapper's closing tags
  const blocks = inner.slice(0, closeAt).split(/(?=<div class="tbpc-col)/).filter((b) => b.trim());
  const cards = blocks.filter((b) => /id="item_id_\d+"/.test(b));
  if (!cards.length) throw new Error('no cards found in search-gen3.html');

  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i);
    out.push(cards[i % cards.length]!.replace(/(?<!\d)8000000000\d{2}(?!\d)/g, id));
    // Keep the fixture's non-card blocks at their places in the first copy.
    if (i < cards.length) {
      const next = blocks.indexOf(cards[i]!) + 1;
      if (blocks[next] && !cards.includes(blocks[next]!)) out.push(blocks[next]!);
    }
  }
  return html.slice(0, start) + '\n' + out.join('') + inner.slice(closeAt) + html.slice(end);
}
