// `npm run verify-bundle -- FILE.zip`: checks an evidence bundle exported from the popup and
// exits 0 when every file, artifact and chain link holds, 1 otherwise (2 for bad usage).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipFiles } from '../evidence/zip.ts';
import { formatReport, verifyBundle } from '../evidence/verify.ts';

export async function main(args: readonly string[], out: (text: string) => void): Promise<number> {
  const file = args.find((a) => a !== '--');
  if (!file || args.includes('--help') || args.includes('-h')) {
    out('Usage: npm run verify-bundle -- FILE.zip\n');
    return file ? 0 : 2;
  }
  let files: Map<string, Uint8Array>;
  try {
    files = unzipFiles(new Uint8Array(await readFile(file)));
  } catch (err) {
    out(`Verifying ${path.basename(file)}\nFAIL ${(err as Error).message}\n`);
    return 1;
  }
  const report = await verifyBundle(files);
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
