import { describe, expect, it } from 'vitest';
import { formatSums, parseSums } from './sha256sums.ts';

const A = 'a'.repeat(64);
const B = '0123456789abcdef'.repeat(4);

describe('SHA256SUMS', () => {
  it('writes the exact line format of sha256sum: hash, two spaces, relative path, LF', () => {
    expect(formatSums([{ sha256: A, path: 'README.txt' }, { sha256: B, path: `evidence/${B}.png` }])).toBe(`${A}  README.txt\n${B}  evidence/${B}.png\n`);
  });

  it('refuses a path that sha256sum would have to escape', () => {
    expect(() => formatSums([{ sha256: A, path: 'a\nb' }])).toThrow(/unsupported file name/);
  });

  it('reads text and binary lines back, and reports what is not a line', () => {
    const parsed = parseSums(`${A}  README.txt\r\n${B} *evidence/x.png\nnot a line\n\n`);
    expect(parsed.lines).toEqual([
      { sha256: A, path: 'README.txt' },
      { sha256: B, path: 'evidence/x.png' },
    ]);
    expect(parsed.malformed).toEqual([{ lineNo: 3, text: 'not a line' }]);
  });
});
