import { describe, expect, it } from 'vitest';
import { handlers } from './handlers.ts';
import { runCaptures } from './capture/jobs-runner.ts';
import { saveSettings } from '../shared/db/kv.ts';
import { db } from '../shared/db/open.ts';
import { record } from '../../test/unit/records.ts';

const TOKEN = 'tok-SECRET-7f3a9c';
const tabSender = { id: 'fakeextensionid', url: 'https://item.taobao.com/item.htm?id=1', tab: { id: 3, windowId: 1, url: 'https://item.taobao.com/item.htm?id=1', index: 0, highlighted: true, active: true, pinned: false, incognito: false }, frameId: 0 };

describe('what the worker tells content scripts', () => {
  it('never includes the token', async () => {
    await saveSettings({
      baseUrl: 'https://intake.alliance.example',
      token: TOKEN,
      me: { member: { id: 'm', name: 'M' }, ipRights: [{ id: 'ipr_1', kind: 'trademark', title: 'T', registrationNumber: '1', jurisdiction: 'CN', classes: [25], brand: 'B' }] },
    });
    await (await db()).put('requests', record());
    const answers = [
      await handlers.flagContext({}, tabSender),
      await handlers.lookup({ items: [{ marketplace: 'taobao', itemId: '600000000001' }], sellers: [] }, tabSender),
    ];
    expect(answers[0]).toMatchObject({ configured: true, ipRights: [{ id: 'ipr_1' }] });
    expect((answers[1] as { annotations: unknown[] }).annotations).toHaveLength(1);
    for (const a of answers) expect(JSON.stringify(a)).not.toContain(TOKEN);
  });

  it('refuses a flag whose listing belongs to another site than its tab, and stores nothing', async () => {
    const answer = await handlers.flag(
      {
        listings: [{ marketplace: 'lazada', itemId: '1', url: 'https://www.lazada.vn/products/i1.html', title: 'x', seller: { name: 's' } }],
        reason: 'counterfeit',
        ipRightId: 'ipr_1',
        note: '',
      },
      tabSender,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'wrong_site' } });
    expect(await (await db()).count('requests')).toBe(0);
  });

  it('stores a hostile listing bounded, with metadata and a capture manifest, and says which captures are missing', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u202e' + 'x'.repeat(50_000);
    const answer = await handlers.flag(
      {
        listings: [{ marketplace: 'taobao', itemId: '600000000009', url: 'https://item.taobao.com/item.htm?id=600000000009', title: hostile, seller: { name: '=cmd|"/c calc"!A1' } }],
        reason: 'counterfeit',
        ipRightId: 'ipr_1',
        note: 'n',
      },
      tabSender,
    );
    expect(answer.ok).toBe(true);
    await runCaptures();
    const [stored] = await (await db()).getAll('requests');
    expect(stored!.listing.title.length).toBeLessThanOrEqual(500);
    expect(stored!.listing.title.startsWith('<img src=x onerror=alert(1)>x')).toBe(true);
    expect(stored!.evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata']);
    expect(stored!.evidenceGaps.map((g) => g.code).sort()).toEqual(['archive_failed', 'screenshot_permission']);
    expect(await (await db()).count('evidence')).toBe(2);
  });

  it('refuses listings whose URL is not a web URL', async () => {
    const answer = await handlers.flag(
      { listings: [{ marketplace: 'taobao', itemId: '1', url: 'javascript:alert(1)', title: 't', seller: { name: 's' } }], reason: 'counterfeit', ipRightId: 'ipr_1', note: '' },
      tabSender,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_listing' } });
  });

  it('accepts Tmall listings flagged from Taobao search results, where Taobao lists them', async () => {
    const search = 'https://s.taobao.com/search?q=bag';
    const answer = await handlers.flag(
      { listings: [{ marketplace: 'tmall', itemId: '688123456789', url: 'https://detail.tmall.com/item.htm?id=688123456789', title: 't', seller: { name: 's' } }], reason: 'counterfeit', ipRightId: 'ipr_1', note: '' },
      { ...tabSender, url: search, tab: { ...tabSender.tab, url: search } },
    );
    expect(answer.ok).toBe(true);
  });
});
