/**
 * A .npy whose header is long (format 2 allows up to 4 GB) or malformed and long: the
 * importer reads it or says what is wrong in a bounded message. It used to spread the
 * header's bytes into one call, and a 200 KB header gave "Maximum call stack size exceeded".
 */
import { describe, expect, it } from 'vitest';
import { parseNpy, VectorImportError } from '../../../src/core/embed/import-vectors';

function npyV2(header: string, data: Float32Array): Uint8Array {
  const h = new TextEncoder().encode(header);
  const out = new Uint8Array(12 + h.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]);
  new DataView(out.buffer).setUint32(8, h.length, true);
  out.set(h, 12);
  out.set(new Uint8Array(data.buffer), 12 + h.length);
  return out;
}

const meta = { catalogId: 'c', model: 'm' };

describe('.npy headers', () => {
  it('reads a valid file whose header is padded to 200 KB', () => {
    const bytes = npyV2(`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }${' '.repeat(200_000)}\n`, Float32Array.from([3, 4, 0, 2]));
    const v = parseNpy(bytes, ['a', 'b'], meta);
    expect(v.dim).toBe(2);
    expect(Array.from(v.data)).toEqual([0.6000000238418579, 0.800000011920929, 0, 1]);
  });

  it('a long malformed header is refused with a short excerpt, not a stack overflow', () => {
    const bytes = npyV2(`{'nonsense': ${'x'.repeat(200_000)}}\n`, new Float32Array(0));
    let err: unknown;
    try {
      parseNpy(bytes, [], meta);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VectorImportError);
    expect((err as Error).message).toMatch(/^\.npy header is malformed: \{'nonsense': x+\.\.\.$/);
    expect((err as Error).message.length).toBeLessThan(300);
  });
});
