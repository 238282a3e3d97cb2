// A tolerant reader for the JS object literals that marketplaces embed in inline scripts
// (`var g_config = { itemId:'1', shopName:'\u5C0F' }`). The content script runs in an
// isolated world and may not run page code, so the text is read, never evaluated.
// Subset: objects, arrays, single/double-quoted strings, numbers, true/false/null, and
// unquoted keys. A member whose value is an expression (`+new Date()`, `a ? b : c`,
// functions) is skipped rather than failing the whole literal.

/** Longer script text is not read at all: no real config object comes near this. */
export const MAX_SOURCE_CHARS = 2_000_000;
const MAX_DEPTH = 64;

class Unreadable extends Error {}
/** Ends the whole read (limits, text ending mid-literal); other errors only skip a member. */
class Fatal extends Error {}

const SKIPPED = Symbol('skipped');
const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

class Reader {
  pos: number;
  private depth = 0;
  /** Skipping rescans text; a budget keeps nested skips linear in the input. */
  private budget: number;

  constructor(private readonly src: string, start: number) {
    this.pos = start;
    this.budget = src.length * 4 + 1024;
  }

  private fail(what: string): never {
    throw new Unreadable(`${what} at ${this.pos}`);
  }

  skipSpace(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === undefined) return;
      if (/\s/.test(c)) this.pos++;
      else if (c === '/' && s[this.pos + 1] === '/') {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl + 1;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
      } else return;
    }
  }

  value(): unknown {
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === '{') return this.nested(() => this.object());
    if (c === '[') return this.nested(() => this.array());
    if (c === '"' || c === "'") return this.string();
    if (c !== undefined && /[-+.\d]/.test(c)) return this.number();
    IDENT.lastIndex = this.pos;
    const word = IDENT.exec(this.src)?.[0];
    if (word === 'true' || word === 'false' || word === 'null' || word === 'undefined') {
      this.pos += word.length;
      return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : undefined;
    }
    return this.fail('not a literal');
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new Fatal('nested too deep');
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private object(): Record<string, unknown> {
    // No prototype: a `__proto__` key is then an ordinary property, not a prototype swap.
    const out = Object.create(null) as Record<string, unknown>;
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === '}') return this.pos++, out;
      const key = this.key();
      this.skipSpace();
      if (this.src[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      const v = this.member();
      if (v !== SKIPPED && v !== undefined) out[key] = v;
      if (this.separator('}')) return out;
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.src[this.pos] === ']') return this.pos++, out;
      const v = this.member();
      out.push(v === SKIPPED || v === undefined ? null : v);
      if (this.separator(']')) return out;
    }
  }

  /** After a member: true at the closing bracket (consumed), false after a comma. */
  private separator(close: string): boolean {
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === ',') return this.pos++, false;
    if (c === close) return this.pos++, true;
    return this.fail(`expected "," or "${close}"`);
  }

  private key(): string {
    const c = this.src[this.pos];
    if (c === '"' || c === "'") return this.string();
    IDENT.lastIndex = this.pos;
    NUMBER.lastIndex = this.pos;
    const m = IDENT.exec(this.src) ?? NUMBER.exec(this.src);
    if (!m) this.fail('expected a key');
    this.pos += m[0].length;
    return m[0];
  }

  /** A value followed by `,` or a closing bracket; anything else is an expression to skip. */
  private member(): unknown {
    const start = this.pos;
    try {
      const v = this.value();
      this.skipSpace();
      if (/[,}\]]/.test(this.src[this.pos] ?? '')) return v;
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e;
    }
    this.pos = start;
    this.skipExpression();
    return SKIPPED;
  }

  /** Moves to the next `,` `}` `]` outside brackets and strings. */
  private skipExpression(): void {
    const s = this.src;
    let depth = 0;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '"' || c === "'" || c === '`') {
        this.quoted(c);
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return;
        depth--;
      } else if (c === ',' && depth === 0) return;
      this.pos++;
      if (--this.budget < 0) throw new Fatal('too much to skip');
    }
    throw new Fatal('unterminated expression');
  }

  /** Skips a quoted run (including template literals) without decoding it. */
  private quoted(q: string): void {
    const s = this.src;
    for (let i = this.pos + 1; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === q) {
        this.budget -= i - this.pos;
        this.pos = i + 1;
        return;
      }
    }
    throw new Fatal('unterminated string');
  }

  private string(): string {
    const s = this.src;
    const q = s[this.pos];
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const c = s[i];
      if (c === undefined || c === '\n' || c === '\r') return (this.pos = i), this.fail('unterminated string');
      if (c === q) break;
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = s[i + 1];
      if (e === undefined) return (this.pos = i), this.fail('unterminated string');
      if (e === 'u' || e === 'x') {
        const braced = e === 'u' && s[i + 2] === '{';
        const hex = braced ? s.slice(i + 3, s.indexOf('}', i + 3)) : s.slice(i + 2, i + (e === 'u' ? 6 : 4));
        const code = /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (!(code <= 0x10ffff) || (!braced && hex.length !== (e === 'u' ? 4 : 2))) return (this.pos = i), this.fail('bad escape');
        out += String.fromCodePoint(code);
        i += braced ? hex.length + 4 : hex.length + 2;
      } else if (e === '\n') {
        i += 2; // line continuation
      } else {
        out += SIMPLE_ESCAPES[e] ?? e;
        i += 2;
      }
    }
    this.pos = i + 1;
    return out;
  }

  private number(): number {
    let sign = 1;
    const c = this.src[this.pos];
    if (c === '-' || c === '+') {
      if (c === '-') sign = -1;
      this.pos++;
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.src);
    if (!m) this.fail('bad number');
    this.pos += m[0].length;
    return sign * Number(m[0]);
  }
}

/** Reads one literal starting at `start`; undefined when it is not a readable literal. */
export function readJsLiteral(source: string, start = 0): unknown {
  if (typeof source !== 'string' || source.length > MAX_SOURCE_CHARS) return undefined;
  try {
    return new Reader(source, start).value();
  } catch {
    return undefined;
  }
}

/**
 * The object or array literal assigned to `name` (`var name = {…}`, `window.name = {…}`),
 * or undefined when there is none or it cannot be read.
 */
export function readAssignedLiteral(source: string, name: string): unknown {
  if (typeof source !== 'string' || source.length > MAX_SOURCE_CHARS) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const assignment = new RegExp(`(?:^|[^\\w$])${escaped}\\s*=(?!=)\\s*(?=[{[])`, 'g');
  for (const m of source.matchAll(assignment)) {
    const value = readJsLiteral(source, m.index + m[0].length);
    if (value !== null && typeof value === 'object') return value;
  }
  return undefined;
}

/**
 * The object or array literal passed as the first argument of a call to `callee`
 * (`TShop.Setup({…})`, `app.run({…})`), or undefined when there is none or it cannot be read.
 */
export function readCallArgument(source: string, callee: string): unknown {
  if (typeof source !== 'string' || source.length > MAX_SOURCE_CHARS) return undefined;
  const escaped = callee.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const call = new RegExp(`(?:^|[^\\w$.])${escaped}\\s*\\(\\s*(?=[{[])`, 'g');
  for (const m of source.matchAll(call)) {
    const value = readJsLiteral(source, m.index + m[0].length);
    if (value !== null && typeof value === 'object') return value;
  }
  return undefined;
}
