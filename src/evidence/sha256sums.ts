// The SHA256SUMS file exactly as GNU `sha256sum -c` (and `shasum -a 256 -c`) reads it.

export interface SumLine {
  sha256: string;
  path: string;
}

/** One `<64 hex><two spaces><path>` line per file, LF-terminated, in the given order. */
export function formatSums(lines: readonly SumLine[]): string {
  for (const l of lines) {
    // sha256sum escapes such names with a leading backslash; bundle paths never need it.
    if (/[\\\n\r]/.test(l.path)) throw new Error(`unsupported file name in a bundle: ${JSON.stringify(l.path)}`);
  }
  return lines.map((l) => `${l.sha256}  ${l.path}\n`).join('');
}

export type ParsedSums = { lines: SumLine[]; malformed: { lineNo: number; text: string }[] };

/** Reads text (`hash  path`) and binary-mode (`hash *path`) lines; anything else is malformed. */
export function parseSums(text: string): ParsedSums {
  const lines: SumLine[] = [];
  const malformed: ParsedSums['malformed'] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') return;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (m) lines.push({ sha256: m[1]!.toLowerCase(), path: m[2]! });
    else malformed.push({ lineNo: i + 1, text: line.slice(0, 120) });
  });
  return { lines, malformed };
}
