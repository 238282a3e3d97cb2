import { lazadaAdapter } from '../../sites/lazada/index.ts';
import { runContent } from '../run.ts';

runContent(lazadaAdapter);
