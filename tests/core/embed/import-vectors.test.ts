import { describe, expect, it } from 'vitest';
import { parseNpy, parseVectorCsv, toNpy, toVectorCsv, VectorImportError } from '../../../src/core/embed/import-vectors';
import type { ItemVectors } from '../../../src/core/embed/vectors';

const meta = { catalogId: 'c', model: 'import:test' };
const ids = ['a', 'b', 'c'];

/** A hand-built .npy (v1) with the given header dict and raw data. */
function npy(header: string, data: Uint8Array): Uint8Array {
  let h = header;
  h += ' '.repeat((64 - ((10 + h.length + 1) % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, h.length, true);
  out.set(Uint8Array.from(h, (c) => c.charCodeAt(0)), 10);
  out.set(data, 10 + h.length);
  return out;
}

describe('.npy import', () => {
  it('round-trips float32 and reads float64, normalising rows', () => {
    const v: ItemVectors = { ...meta, dim: 2, ids, data: Float32Array.from([0.6, 0.8, 1, 0, 0, 1]) };
    const back = parseNpy(toNpy(v), ids, meta);
    expect(back.dim).toBe(2);
    expect(Array.from(back.data)).toEqual(Array.from(v.data));
    const f8 = new Float64Array([3, 4, 0, 2, 5, 0]);
    const r = parseNpy(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", new Uint8Array(f8.buffer)), ids, meta);
    expect(Array.from(r.data).map((x) => +x.toFixed(6))).toEqual([0.6, 0.8, 0, 1, 1, 0]);
  });

  it('rejects wrong files with a reason', () => {
    const f4 = (n: number) => new Uint8Array(new Float32Array(n).fill(1).buffer);
    expect(() => parseNpy(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), ids, meta)).toThrow(/Not a \.npy/);
    expect(() => parseNpy(npy("{'descr': '>f4', 'fortran_order': False, 'shape': (3, 2), }", f4(6)), ids, meta)).toThrow(/little-endian/);
    expect(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2, 1), }", f4(6)), ids, meta)).toThrow(/2-D/);
    expect(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }", f4(6)), ids, meta)).toThrow(/Fortran/);
    expect(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", f4(4)), ids, meta)).toThrow(/2 rows but 3 item ids/);
    expect(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", f4(5)), ids, meta)).toThrow(/needs 24/);
    const bad = new Float32Array(6).fill(1);
    bad[3] = NaN;
    expect(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", new Uint8Array(bad.buffer)), ids, meta)).toThrow(/row 1 \(item "b"\), column 1: NaN/);
    const huge = new Float64Array([1, 0, 0, 1e39, 1, 1]);
    expect(() => parseNpy(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", new Uint8Array(huge.buffer)), ids, meta)).toThrow(/row 1 \(item "b"\), column 1: 1e\+39 is beyond the float32 range/);
  });
});

describe('CSV import', () => {
  const known = new Set(ids);

  it('reads with or without a header and round-trips', () => {
    const v = parseVectorCsv('id,x,y\na,3,4\nb,1,0\nc,0,2\n', meta, known);
    expect(v.ids).toEqual(ids);
    expect(Array.from(v.data).map((x) => +x.toFixed(6))).toEqual([0.6, 0.8, 1, 0, 0, 1]);
    const again = parseVectorCsv(toVectorCsv(v), meta, known);
    expect(Array.from(again.data)).toEqual(Array.from(v.data));
    expect(parseVectorCsv('a,1,2\nb,3,4\nc,5,6', meta, known).ids).toEqual(ids);
  });

  it('refuses to write an id the plain CSV could not read back, naming it', () => {
    const v: ItemVectors = { ...meta, dim: 1, ids: ['ok', 'a,b'], data: Float32Array.from([1, 1]) };
    expect(() => toVectorCsv(v)).toThrow(/Item id "a,b" cannot be written to a vector CSV.*\.npy/);
    expect(() => toVectorCsv({ ...v, ids: ['ok', ' pad'] })).toThrow(/" pad"/);
    expect(toVectorCsv({ ...v, ids: ['ok', 'a-b'] })).toBe('id,d0\nok,1\na-b,1\n');
  });

  it('names the line and field of each problem', () => {
    const err = (text: string) => {
      try {
        parseVectorCsv(text, meta, known);
      } catch (e) {
        expect(e).toBeInstanceOf(VectorImportError);
        return (e as Error).message;
      }
      throw new Error('expected a failure');
    };
    expect(err('a,1,2\nb,1\nc,1,2')).toMatch(/line 2: 1 values, but earlier rows have 2/);
    expect(err('a,1,2\nb,1,x\nc,1,2')).toMatch(/line 2, field 3: "x" is not a finite number/);
    expect(err('a,1,2\nb,1,NaN\nc,1,2')).toMatch(/line 2, field 3: "NaN"/);
    expect(err('a,1,2\nb,1,Infinity\nc,1,2')).toMatch(/line 2, field 3/);
    expect(err('a,1,2\na,1,2\nc,1,2')).toMatch(/line 2: item "a" already appeared on line 1/);
    expect(err('a,1,2\nz,1,2\nc,1,2')).toMatch(/line 2: item "z" is not in the catalog/);
    expect(err('a,1,2\nb,1,2')).toMatch(/2 rows but the catalog has 3 items; missing e.g. "c"/);
    expect(err('\n\n')).toMatch(/no vector rows/);
    // Finite as float64 but past float32's range: kept as Infinity, the row normalised to NaN.
    expect(err('a,1,2\nb,1e39,1\nc,1,2')).toMatch(/line 2, field 2: "1e39" is beyond the float32 range/);
    expect(err('a,1,2\nb,1,-4e38\nc,1,2')).toMatch(/line 2, field 3: "-4e38" is beyond the float32 range/);
    expect(Array.from(parseVectorCsv('a,3e38,0\nb,1,0\nc,0,1', meta, known).data).every(Number.isFinite)).toBe(true);
  });
});
