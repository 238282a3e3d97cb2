import { aliexpressAdapter } from '../../sites/aliexpress/index.ts';
import { runContent } from '../run.ts';

runContent(aliexpressAdapter);
