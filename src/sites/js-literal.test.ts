import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_CHARS, readAssignedLiteral, readCallArgument, readJsLiteral } from './js-literal.ts';

describe('readJsLiteral', () => {
  it('reads unquoted keys, single and double quotes, numbers and keywords', () => {
    const v = readJsLiteral(`{ itemId:'637145790668', "n": 12.5, neg: -3, hex: 0x1F, exp: 1e3, dot: .5, ok: true, no: false, none: null, list: [1, 'a', "b",], }`);
    expect(v).toEqual({ itemId: '637145790668', n: 12.5, neg: -3, hex: 31, exp: 1000, dot: 0.5, ok: true, no: false, none: null, list: [1, 'a', 'b'] });
  });

  it('decodes escapes', () => {
    expect(readJsLiteral(String.raw`'\u5C0F\u7C73 \x41 \u{1F600} \'q\' \"d\" \\ \/ a\nb'`)).toBe('小米 A 😀 \'q\' "d" \\ / a\nb');
  });

  it('reads nested objects and arrays', () => {
    expect(readJsLiteral(`{idata:{item:{id:'1',title:'\\u3010x',images:['//a','//b']}}, $k: {_x: []}}`)).toEqual({
      idata: { item: { id: '1', title: '【x', images: ['//a', '//b'] } },
      $k: { _x: [] },
    });
  });

  it('skips members whose value is an expression and keeps the rest', () => {
    const src = `{
      startTime: +new Date(),
      descUrl: location.protocol==='http:' ? '//a.example/d?x=1,2' : '//b.example/d',
      fn: function () { return {a: [1, 2]}; },
      concat: 'a' + "b",
      call: foo(1, {x: 2}),
      // a comment
      /* another, with a comma */
      itemId: '42',
      arr: [1, bar(), 3],
      undef: undefined,
    }`;
    expect(readJsLiteral(src)).toEqual({ itemId: '42', arr: [1, null, 3] });
  });

  it('does not let a __proto__ key change any prototype', () => {
    const v = readJsLiteral(`{__proto__: {polluted: 'yes'}, a: 1}`) as Record<string, unknown>;
    expect(v.a).toBe(1);
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns undefined for broken or hostile input instead of throwing', () => {
    const cases = [
      '',
      '{',
      '{a:',
      "{a:'unterminated}",
      '{a: (1, 2}',
      '"\\u12"',
      '{a: `tpl',
      '['.repeat(10_000),
      '{a:'.repeat(10_000),
      'x'.repeat(MAX_SOURCE_CHARS + 1),
      `{a: ${'('.repeat(100_000)}`,
      null, // not a string at all
    ];
    for (const c of cases) expect(() => readJsLiteral(c as string)).not.toThrow();
    for (const c of cases) expect(readJsLiteral(c as string)).toBeUndefined();
  });

  it('drops a member it cannot make sense of rather than the whole object', () => {
    expect(readJsLiteral('{a: 1 b: 2, c: 3}')).toEqual({ c: 3 });
    expect(readJsLiteral("{a:'line\nbreak', c: 3}")).toEqual({ c: 3 });
  });

  it('stays fast on nested expressions designed to be rescanned', () => {
    const depth = 60;
    const src = '{a:'.repeat(depth) + `'${'x'.repeat(200_000)}'` + '} + 1'.repeat(depth) + '}';
    const t0 = performance.now();
    expect(() => readJsLiteral(src)).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('reads a large but sane literal', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `{id:'${i}',t:'\\u5546\\u54c1${i}'}`).join(',');
    const v = readJsLiteral(`{items:[${items}]}`) as { items: { id: string; t: string }[] };
    expect(v.items).toHaveLength(5000);
    expect(v.items[4999]).toEqual({ id: '4999', t: '商品4999' });
  });
});

describe('readAssignedLiteral', () => {
  it('finds var and window assignments and ignores comparisons and longer names', () => {
    const src = `
      if (g_config == null) {}
      var my_g_config = {wrong: true};
      var g_config = {
        itemId:'637145790668', shopName:'\\u5C0F\\u7C73'
      };
      g_config.extra = {no: 1};`;
    expect(readAssignedLiteral(src, 'g_config')).toEqual({ itemId: '637145790668', shopName: '小米' });
    expect(readAssignedLiteral(`window.pageData = [1,2];`, 'pageData')).toEqual([1, 2]);
  });

  it('returns undefined when the name is absent or not assigned an object', () => {
    expect(readAssignedLiteral('var x = 1;', 'g_config')).toBeUndefined();
    expect(readAssignedLiteral("var g_config = 'str';", 'g_config')).toBeUndefined();
    expect(readAssignedLiteral('var g_config = {a:', 'g_config')).toBeUndefined();
    expect(readAssignedLiteral('x'.repeat(MAX_SOURCE_CHARS + 1), 'g_config')).toBeUndefined();
  });

  it('treats the name literally, not as a pattern', () => {
    expect(readAssignedLiteral('var a_b = {x:1};', 'a.b')).toBeUndefined();
    expect(readAssignedLiteral('var a.b = {x:1};', 'a.b')).toEqual({ x: 1 });
  });
});

describe('readCallArgument', () => {
  it('reads the first literal argument of the named call and nothing else', () => {
    const src = `
      if (window.TShop && TShop.Setup) {}
      MyTShop.Setup({wrong: 1});
      x.TShop.Setup({wrong: 2});
      TShop.Setup(
        {"itemDO": {"title": "\\u5C0F"}, rstShopId: 143694441, startTime: +new Date()}
      );`;
    expect(readCallArgument(src, 'TShop.Setup')).toEqual({ itemDO: { title: '小' }, rstShopId: 143694441 });
    expect(readCallArgument('try { app.run({data: {root: {fields: []}}}); } catch (e) {}', 'app.run')).toEqual({ data: { root: { fields: [] } } });
  });

  it('returns undefined for calls without a literal, or one it cannot read', () => {
    expect(readCallArgument('app.run(__moduleData__);', 'app.run')).toBeUndefined();
    expect(readCallArgument('app.run({a:', 'app.run')).toBeUndefined();
    expect(readCallArgument('app_run({a: 1});', 'app.run')).toBeUndefined();
    expect(readCallArgument('x'.repeat(MAX_SOURCE_CHARS + 1), 'app.run')).toBeUndefined();
  });
});
