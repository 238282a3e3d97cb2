// `npm run verify-bundle -- FILE.zip`: checks an evidence bundle exported from the popup and
// exits 0 when every file, artifact, chain link and trusted timestamp holds, 1 otherwise (2 for
// bad usage). `--tsa-ca FILE` also checks that each timestamp's TSA chains to that root.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipFiles } from '../evidence/zip.ts';
import { formatReport, verifyBundle } from '../evidence/verify.ts';
import { certificateDer } from '../evidence/timestamp.ts';

export async function main(args: readonly string[], out: (text: string) => void): Promise<number> {
  const rest = args.filter((a) => a !== '--');
  const caAt = rest.indexOf('--tsa-ca');
  const caFile = caAt >= 0 ? rest[caAt + 1] : undefined;
  const file = rest.find((a, i) => !a.startsWith('-') && (caAt < 0 || i !== caAt + 1));
  if (!file || rest.includes('--help') || rest.includes('-h') || (caAt >= 0 && !caFile)) {
    out('Usage: npm run verify-bundle -- FILE.zip [--tsa-ca TSA-ROOT.pem]\n');
    return file && caAt < 0 ? 0 : 2;
  }
  const tsaRoots: Uint8Array[] = [];
  if (caFile) {
    const der = await readFile(caFile).then((b) => certificateDer(new Uint8Array(b)), () => null);
    if (!der) {
      out(`verify-bundle: ${caFile} is not a readable certificate (PEM or DER)\n`);
      return 2;
    }
    tsaRoots.push(der);
  }
  let files: Map<string, Uint8Array>;
  try {
    files = unzipFiles(new Uint8Array(await readFile(file)));
  } catch (err) {
    out(`Verifying ${path.basename(file)}\nFAIL ${(err as Error).message}\n`);
    return 1;
  }
  const report = await verifyBundle(files, { tsaRoots });
  out(formatReport(report, path.basename(file)));
  return report.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2), (text) => process.stdout.write(text)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`verify-bundle: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
