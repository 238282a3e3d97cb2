// CLI: `npx tsx sandbox/main.ts [--port 8787] [--data-dir ./.sandbox-data]
// [--pace 20000] [--test-controls] [--token <t>]...`. Every flag has an env
// equivalent (SANDBOX_PORT, SANDBOX_HOST, SANDBOX_DATA_DIR, SANDBOX_PACE_MS,
// SANDBOX_TEST_CONTROLS=1, SANDBOX_TOKENS=a,b) for npm scripts and CI.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_MEMBER, DEMO_TOKEN, OTHER_TOKEN, demoTokens } from './demo.ts';
import { createSandbox } from './server.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    pace: { type: 'string' },
    'test-controls': { type: 'boolean' },
    token: { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: tsx sandbox/main.ts [--host 127.0.0.1] [--port 8787] [--data-dir ./.sandbox-data]
       [--pace <ms, 0 = reviewer off>] [--test-controls] [--token <extra demo token>]... [--quiet]`);
  process.exit(0);
}

const env = process.env;
const int = (s: string | undefined, fallback: number, name: string): number => {
  if (s === undefined || s === '') return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) { console.error(`sandbox: ${name} must be a whole number, got "${s}"`); process.exit(2); }
  return n;
};

const tokens = demoTokens();
const extraTokens = [...(values.token ?? []), ...(env.SANDBOX_TOKENS?.split(',').filter(Boolean) ?? [])];
for (const t of extraTokens) tokens[t] = DEMO_MEMBER;

const sandbox = await createSandbox({
  host: values.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
  port: int(values.port ?? env.SANDBOX_PORT, 8787, 'port'),
  dataDir: path.resolve(values['data-dir'] ?? env.SANDBOX_DATA_DIR ?? './.sandbox-data'),
  reviewerPaceMs: int(values.pace ?? env.SANDBOX_PACE_MS, 20000, 'pace'),
  testControls: values['test-controls'] ?? env.SANDBOX_TEST_CONTROLS === '1',
  tokens,
  log: !values.quiet,
});

console.log(`
Alliance takedown API sandbox
  URL          ${sandbox.url}
  demo token   ${DEMO_TOKEN}   (${DEMO_MEMBER.memberName})
  other token  ${OTHER_TOKEN}   (a second member: its rights are unknown_ip_right for the demo token)${extraTokens.length ? `\n  extra tokens ${extraTokens.join(', ')}` : ''}
  data dir     ${sandbox.dataDir}
  TSA          ${sandbox.tsaUrl}   (RFC 3161; root certificate ${await sandbox.tsaRootPath()})
  controls     ${values['test-controls'] || env.SANDBOX_TEST_CONTROLS === '1' ? `on (${sandbox.url}/__sandbox/)` : 'off'}
`);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) process.exit(1); // a second Ctrl-C forces it
  closing = true;
  console.log(`sandbox: ${signal}, closing`);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
