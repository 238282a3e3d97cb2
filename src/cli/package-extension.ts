// `npm run package`: the store packages from the built extension, reproducibly. Same
// sources → same bytes: files in sorted order, fixed ZIP times, no source maps (not even
// their sourceMappingURL comments) and nothing from tests.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipFiles } from '../evidence/zip.ts';

/** What never goes into a store package. */
export function leftOut(rel: string): boolean {
  return /\.map$/.test(rel) || /(^|\/)(test|tests|__tests__)\//.test(rel) || /\.(test|test-kit|e2e)\.[cm]?[jt]sx?$|test-kit/.test(rel) || /(^|\/)\.[^/]+$/.test(rel);
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p, base)));
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

/** The package of one build folder: sorted entries, fixed times, maps and tests left out. */
export async function packageDir(dir: string): Promise<{ zip: Uint8Array; files: string[] }> {
  const files = (await listFiles(dir)).filter((f) => !leftOut(f)).sort();
  const entries = new Map<string, Uint8Array>();
  for (const f of files) {
    let data: Uint8Array = await readFile(path.join(dir, f));
    // A map the package does not hold must not be named by the code.
    if (/\.[cm]?js$/.test(f)) data = new TextEncoder().encode(new TextDecoder().decode(data).replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
    entries.set(f, data);
  }
  return { zip: zipFiles(entries), files };
}

export async function main(root: string, out: (line: string) => void): Promise<number> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const targets = [
    { dir: 'dist', file: `${pkg.name}-${pkg.version}-chrome.zip`, store: 'Chrome Web Store / Edge Add-ons' },
    { dir: 'dist-firefox', file: `${pkg.name}-${pkg.version}-firefox.xpi`, store: 'addons.mozilla.org' },
  ];
  await mkdir(path.join(root, 'packages'), { recursive: true });
  for (const t of targets) {
    const manifest = JSON.parse(await readFile(path.join(root, t.dir, 'manifest.json'), 'utf8').catch(() => 'null')) as { version?: string } | null;
    if (!manifest) {
      out(`package: ${t.dir}/ has no manifest.json: build it first (npm run build, npm run build:firefox)`);
      return 1;
    }
    if (manifest.version !== pkg.version) {
      out(`package: ${t.dir}/manifest.json says ${manifest.version}, package.json ${pkg.version}: rebuild`);
      return 1;
    }
    const { zip, files } = await packageDir(path.join(root, t.dir));
    await writeFile(path.join(root, 'packages', t.file), zip);
    out(`packages/${t.file}  ${zip.length} bytes  ${files.length} files  sha256 ${createHash('sha256').update(zip).digest('hex')}  (${t.store})`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.cwd(), (line) => console.log(line));
}
