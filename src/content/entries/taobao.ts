import { taobaoAdapter } from '../../sites/taobao/index.ts';
import { runContent } from '../run.ts';

runContent(taobaoAdapter);
