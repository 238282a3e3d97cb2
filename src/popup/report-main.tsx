import { render } from 'preact';
import '../ui/styles.css';
import './report.css';
import '../shared/zod.ts';
import { setupPage } from '../ui/page.ts';
import { ReportPage } from './report-page.tsx';

setupPage('report_title');
const ids = (new URLSearchParams(location.search).get('ids') ?? '').split(',').filter(Boolean);
render(<ReportPage ids={ids} />, document.getElementById('app')!);
