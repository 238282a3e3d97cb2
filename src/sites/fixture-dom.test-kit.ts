import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

// Test helper for every site: a fixture page (test/fixtures/<site>/<name>) parsed the way a
// browser would, scripts not run; and the JSON a fixture is expected to give.

const fixture = (site: string, name: string) => new URL(`../../test/fixtures/${site}/${name}`, import.meta.url);

export function loadSiteFixture(site: string, name: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(readFileSync(fixture(site, name), 'utf8'), 'text/html') as unknown as Document;
}

export function loadSiteExpected<T = { url: string; listing: Record<string, unknown> }>(site: string, name: string): T {
  return JSON.parse(readFileSync(fixture(site, name), 'utf8')) as T;
}
