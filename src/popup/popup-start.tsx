import { render } from 'preact';
import { setupPage } from '../ui/page.ts';
import { startClock, startRefresh } from './view-store.ts';
import { ask } from './ask-worker.ts';
import { App } from './app.tsx';

/** The popup proper, loaded by main.tsx while the first screen's requests are read. */
export function start(): void {
  setupPage('popup_title');
  startClock();
  startRefresh(() => ask('refreshCases', {}));
  render(<App />, document.getElementById('app')!);
}
