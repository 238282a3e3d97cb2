import { alibaba1688Adapter } from '../../sites/alibaba1688/index.ts';
import { runContent } from '../run.ts';

runContent(alibaba1688Adapter);
