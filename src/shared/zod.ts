import { z } from 'zod';

// MV3's CSP forbids eval, which zod's JIT would otherwise try. Every context imports zod
// through this module, so the switch is thrown exactly once per context, before any parse.
z.config({ jitless: true });

export { z };
