import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Fixed entry time (DOS time has no zone: local 1980-01-01 00:00 is that everywhere), so the
 * same stored evidence always makes byte-identical bundles. Capture times are in the manifests.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

// Screenshots are already compressed: storing them saves time and loses nothing.
const STORED = /\.(png|jpg|webp)$/;

/** A ZIP of the files in the order given (a Map keeps insertion order). */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, data] of files) entries[path] = [data, { level: STORED.test(path) ? 0 : 6, mtime: FIXED_MTIME }];
  return zipSync(entries);
}

/** Refuse bundles that would inflate beyond this: a bundle holds a few captures, not gigabytes. */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

/** The files of a ZIP by path (directory entries left out); throws a sentence on a bad archive. */
export function unzipFiles(zip: Uint8Array): Map<string, Uint8Array> {
  const names: string[] = [];
  let total = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(zip, {
      filter: (f) => {
        if (names.includes(f.name)) throw new Error(`the archive holds "${f.name}" twice`);
        names.push(f.name);
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new Error('the archive would unpack to more than 1 GiB');
        return true;
      },
    });
  } catch (err) {
    throw new Error(`not a readable ZIP: ${(err as Error).message}`);
  }
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    if (name.endsWith('/')) continue;
    // A name such as "__proto__" does not land as an own property: refuse rather than skip it.
    if (!Object.hasOwn(unzipped, name)) throw new Error(`not a readable ZIP: entry "${name}" has an unusable name`);
    files.set(name, unzipped[name]!);
  }
  return files;
}
