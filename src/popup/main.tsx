import { render } from 'preact';
import '../ui/styles.css';
import './popup.css';
import { setupPage } from '../ui/page.ts';
import { startClock, startRefresh } from './view-store.ts';
import { send } from '../shared/messaging.ts';
import { App } from './app.tsx';

setupPage('popup_title');
startClock();
startRefresh(() => send('refreshCases', {}));
render(<App />, document.getElementById('app')!);
