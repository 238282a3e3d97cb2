import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import zh from '../../public/_locales/zh_CN/messages.json' with { type: 'json' };

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const subs = (m: string) => [...m.matchAll(/\$(\d)/g)].map((x) => x[1]).sort().join(',');
const named = (m: string) => [...m.matchAll(/\$([A-Za-z_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort().join(',');

// Every string a user sees comes from _locales, in both languages the extension ships complete.
describe('locales', () => {
  it('zh_CN has every key of en and no other, none empty', () => {
    expect(Object.keys(zh as Catalogue).sort()).toEqual(Object.keys(en as Catalogue).sort());
    for (const [k, v] of Object.entries({ ...(en as Catalogue), ...(zh as Catalogue) })) expect(v.message.trim(), k).not.toBe('');
  });

  it('each translation uses the same substitutions as the English', () => {
    for (const [k, v] of Object.entries(en as Catalogue)) {
      const other = (zh as Catalogue)[k]!;
      expect(subs(other.message), k).toBe(subs(v.message));
      expect(named(other.message), k).toBe(named(v.message));
    }
  });

  it('one term per concept: a state reads the same in the popup and on the page', () => {
    for (const cat of [en, zh] as Catalogue[]) {
      for (const k of Object.keys(cat).filter((x) => x.startsWith('popup_state_'))) {
        expect(cat[k.replace('popup_', 'content_')]?.message, k).toBe(cat[k]!.message);
      }
    }
  });
});
