// The sandbox's own RFC 3161 timestamp authority (shared/spec/timestamps.md), so that
// `npm start` stamps captures end to end and the tests need nothing outside the machine.
// It is the openssl CLI's TSA (`openssl ts -reply`), the tool a court expert checks with:
// a root and a TSA certificate (extendedKeyUsage critical timeStamping) made once into
// <data dir>/tsa/ and kept, so tokens stamped earlier still verify against the same root.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TSA_PATH = '/tsa';
export const TSA_QUERY_TYPE = 'application/timestamp-query';
export const TSA_REPLY_TYPE = 'application/timestamp-reply';

export interface SandboxTsa {
  /** The root certificate file (PEM) to check tokens against: `-CAfile`, `--tsa-ca`. */
  rootPath(): Promise<string>;
  /** A DER TimeStampResp for a DER TimeStampReq; null when openssl cannot read the query. */
  reply(query: Buffer): Promise<Buffer | null>;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

async function makeKeys(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const ext = path.join(dir, 'tsa-ext.cnf');
  await writeFile(ext, 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.crt', '-days', '3650',
    '-subj', '/O=Takedown Flagger sandbox/CN=Sandbox TSA Root',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  await openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr',
    '-subj', '/O=Takedown Flagger sandbox/CN=Sandbox TSA'], dir);
  await openssl(['x509', '-req', '-in', 'tsa.csr', '-CA', 'root.crt', '-CAkey', 'root.key', '-CAcreateserial', '-CAserial', 'root.srl',
    '-out', 'tsa.crt', '-days', '3650', '-extfile', ext], dir);
  await writeFile(path.join(dir, 'serial'), '01\n');
  await writeFile(path.join(dir, 'ts.cnf'), `[ tsa ]
default_tsa = sandbox
[ sandbox ]
serial = ${path.join(dir, 'serial')}
crypto_device = builtin
signer_cert = ${path.join(dir, 'tsa.crt')}
signer_key = ${path.join(dir, 'tsa.key')}
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_alg = sha256
`);
  // Written last: its presence says the set is complete.
  await writeFile(path.join(dir, 'ready'), new Date().toISOString() + '\n');
}

export function sandboxTsa(dataDir: string): SandboxTsa {
  const dir = path.join(dataDir, 'tsa');
  let ready: Promise<void> | null = null;
  const ensure = () =>
    (ready ??= (async () => {
      if (existsSync(path.join(dir, 'ready'))) return;
      await rm(dir, { recursive: true, force: true });
      await makeKeys(dir);
    })().catch((err: unknown) => {
      ready = null;
      throw err;
    }));
  // openssl keeps the serial in a file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;

  return {
    async rootPath() {
      await ensure();
      return path.join(dir, 'root.crt');
    },
    reply(query) {
      const next = queue.then(async () => {
        await ensure();
        const q = path.join(dir, `q${++n}.tsq`);
        const r = path.join(dir, `r${n}.tsr`);
        await writeFile(q, query);
        try {
          await openssl(['ts', '-reply', '-config', path.join(dir, 'ts.cnf'), '-queryfile', q, '-chain', path.join(dir, 'root.crt'), '-out', r], dir);
          return await readFile(r);
        } catch {
          return null;
        } finally {
          await Promise.allSettled([rm(q, { force: true }), rm(r, { force: true })]);
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
