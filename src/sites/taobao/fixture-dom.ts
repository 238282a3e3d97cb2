import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

// Test helper: a fixture page parsed the way a browser would (scripts not run).
export function loadFixture(name: string, url: string): Document {
  const html = readFileSync(new URL(`../../../test/fixtures/taobao/${name}`, import.meta.url), 'utf8');
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function loadExpected(name: string): { url: string; listing: Record<string, unknown> } {
  return JSON.parse(readFileSync(new URL(`../../../test/fixtures/taobao/${name}`, import.meta.url), 'utf8'));
}
