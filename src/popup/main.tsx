import '../ui/styles.css';
import './popup.css';
import { startFirstRead } from './first-read.ts';

// The first rows come from IndexedDB while the rest of the popup loads (profiled: reading
// them only after loading and running every chunk put the first row ~100 ms later).
startFirstRead();
void import('./popup-start.tsx').then((m) => m.start());
