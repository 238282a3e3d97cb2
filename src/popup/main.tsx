import '../ui/styles.css';
import './popup.css';
import { startFirstRead } from './first-read.ts';
import { start } from './popup-start.tsx';

// The popup's first screen is this module's graph, in one chunk (src/cli/own-page-graph.ts):
// one fetch, then the first rows' read starts (IndexedDB answers while Preact renders the
// page around them).
startFirstRead();
start();
