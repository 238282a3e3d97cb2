import { tmallAdapter } from '../../sites/tmall/index.ts';
import { runContent } from '../run.ts';

runContent(tmallAdapter);
