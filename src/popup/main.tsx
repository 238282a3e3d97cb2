import { render } from 'preact';
import '../ui/styles.css';
import './popup.css';
import { setupPage } from '../ui/page.ts';
import { startClock } from './view-store.ts';
import { App } from './app.tsx';

setupPage('popup_title');
startClock();
render(<App />, document.getElementById('app')!);
