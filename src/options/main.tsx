import { render } from 'preact';
import '../ui/styles.css';
import './options.css';
import { setupPage } from '../ui/page.ts';
import { App } from './app.tsx';

setupPage('options_title');
render(<App />, document.getElementById('app')!);
