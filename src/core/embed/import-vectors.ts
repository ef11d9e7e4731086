/**
 * Precomputed vectors from outside: NumPy `.npy` (float32 or float64, 2-D, little-endian,
 * C order) and CSV (`id,v0,v1,...`, a header row optional). Everything is validated:
 * row count against the ids, one dimension for every row, finite values, known and
 * unique ids. Errors name the line and field. Rows are L2-normalised on import.
 */
import { needsQuoting } from '../csv';
import { normalizeRows, type ItemVectors } from './vectors';

/** A rejected vector file: `message` says where and why. */
export class VectorImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VectorImportError';
  }
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Parse a `.npy` file. `ids` name the rows in order (normally the catalog's item ids);
 * their count must equal the file's row count.
 */
export function parseNpy(bytes: Uint8Array, ids: readonly string[], meta: { catalogId: string; model: string }): ItemVectors {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new VectorImportError('Not a .npy file: the first bytes are not "\\x93NUMPY"');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (major < 1 || major > 3) throw new VectorImportError(`.npy format version ${major} is not supported (1, 2 or 3)`);
  if (headerStart + headerLen > bytes.length) throw new VectorImportError('.npy header is cut short');
  // Decoded in slices: spreading a long header (format 2 allows 4 GB) into one call overflows the stack.
  let header = '';
  for (let i = headerStart; i < headerStart + headerLen; i += 8192) header += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, headerStart + headerLen)));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) {
    const h = header.trim();
    throw new VectorImportError(`.npy header is malformed: ${h.length > 160 ? `${h.slice(0, 160)}...` : h}`);
  }
  if (fortran === 'True') throw new VectorImportError('.npy is in Fortran order; save it C-ordered (np.ascontiguousarray)');
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (shape.length !== 2 || shape.some((s) => !Number.isInteger(s) || s < 0)) {
    throw new VectorImportError(`.npy must be 2-D (items x dimensions); its shape is (${shapeText})`);
  }
  const [n, dim] = shape;
  const size = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (!size) throw new VectorImportError(`.npy dtype "${descr}" is not supported: use little-endian float32 ("<f4") or float64 ("<f8")`);
  const start = headerStart + headerLen;
  if (bytes.length - start !== n * dim * size) {
    throw new VectorImportError(`.npy data is ${bytes.length - start} bytes; shape (${n}, ${dim}) of ${descr} needs ${n * dim * size}`);
  }
  checkIds(ids, n);
  if (dim === 0) throw new VectorImportError('.npy has 0 dimensions per row');
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n * dim; i++) {
    const v = size === 4 ? view.getFloat32(start + 4 * i, true) : view.getFloat64(start + 8 * i, true);
    if (!Number.isFinite(v)) throw new VectorImportError(`.npy row ${Math.floor(i / dim)} (item "${ids[Math.floor(i / dim)]}"), column ${i % dim}: ${v} is not a finite number`);
    if (!fitsFloat32(v)) throw new VectorImportError(`.npy row ${Math.floor(i / dim)} (item "${ids[Math.floor(i / dim)]}"), column ${i % dim}: ${v} ${FLOAT32_RANGE}`);
    data[i] = v;
  }
  return { ...meta, dim, ids: [...ids], data: normalizeRows(data, dim) };
}

const FLOAT32_RANGE = 'is beyond the float32 range vectors are kept in (|v| <= 3.4e38)';

/**
 * Vectors are kept as float32: a finite float64 past its range (1e39) became Infinity there,
 * and normalising that row made it NaN (every score with it NaN) without a word.
 */
function fitsFloat32(v: number): boolean {
  return Number.isFinite(Math.fround(v));
}

function checkIds(ids: readonly string[], n: number): void {
  if (ids.length !== n) throw new VectorImportError(`The file has ${n} rows but ${ids.length} item ids were expected (one row per catalog item, in catalog order)`);
}

/**
 * Parse CSV vectors: each line `id,v0,...,v{d-1}`. A first line whose numeric fields do not
 * parse is taken as a header. `known` (the catalog's ids), when given, must contain every id.
 */
export function parseVectorCsv(text: string, meta: { catalogId: string; model: string }, known?: ReadonlySet<string>): ItemVectors {
  const lines = text.split(/\r?\n/);
  const ids: string[] = [];
  const values: number[] = [];
  const seen = new Map<string, number>();
  let dim = -1;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln].trim();
    if (!line) continue;
    const fields = line.split(',').map((f) => f.trim());
    const at = `line ${ln + 1}`;
    if (ids.length === 0 && dim === -1 && isHeader(fields)) {
      dim = -2; // header seen; the first data row fixes the dimension
      continue;
    }
    if (fields.length < 2) throw new VectorImportError(`${at}: expected "id,v0,v1,..." but found ${fields.length} field`);
    const id = fields[0];
    if (!id) throw new VectorImportError(`${at}, field 1: the item id is empty`);
    if (seen.has(id)) throw new VectorImportError(`${at}: item "${id}" already appeared on line ${seen.get(id)}`);
    if (known && !known.has(id)) throw new VectorImportError(`${at}: item "${id}" is not in the catalog`);
    const d = fields.length - 1;
    if (dim < 0) dim = d;
    else if (d !== dim) throw new VectorImportError(`${at}: ${d} values, but earlier rows have ${dim}`);
    for (let f = 1; f < fields.length; f++) {
      const v = fields[f] === '' ? NaN : Number(fields[f]);
      if (!Number.isFinite(v)) throw new VectorImportError(`${at}, field ${f + 1}: "${fields[f]}" is not a finite number`);
      if (!fitsFloat32(v)) throw new VectorImportError(`${at}, field ${f + 1}: "${fields[f]}" ${FLOAT32_RANGE}`);
      values.push(v);
    }
    seen.set(id, ln + 1);
    ids.push(id);
  }
  if (ids.length === 0) throw new VectorImportError('The CSV has no vector rows');
  if (known && ids.length !== known.size) {
    const missing = [...known].filter((id) => !seen.has(id));
    throw new VectorImportError(`The CSV has ${ids.length} rows but the catalog has ${known.size} items; missing e.g. "${missing.slice(0, 3).join('", "')}"`);
  }
  return { ...meta, dim, ids, data: normalizeRows(Float32Array.from(values), dim) };
}

/** A header row: every value field is a name, not a number (nor a spelled-out NaN/Inf, which is an error). */
function isHeader(fields: string[]): boolean {
  return fields.length > 1 && fields.slice(1).every((f) => f !== '' && Number.isNaN(Number(f)) && !/^[+-]?(nan|inf|infinity)$/i.test(f));
}

/** Serialise vectors as `.npy` (float32, C order). */
export function toNpy(v: ItemVectors): Uint8Array {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${v.ids.length}, ${v.dim}), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const h = Uint8Array.from(header, (ch) => ch.charCodeAt(0));
  const out = new Uint8Array(10 + h.length + v.data.length * 4);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, h.length, true);
  out.set(h, 10);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < v.data.length; i++) dv.setFloat32(10 + h.length + 4 * i, v.data[i], true);
  return out;
}

/**
 * Serialise vectors as CSV with a header row `id,d0,...`. The format is plain (`parseVectorCsv`
 * splits on commas and trims), so an id it could not read back (a comma, quote or line break
 * in it, or edge spaces) is refused, naming the id; `.npy` (catalog order, no ids) holds any.
 */
export function toVectorCsv(v: ItemVectors): string {
  const bad = v.ids.find((id) => needsQuoting(id) || id === '');
  if (bad !== undefined) throw new VectorImportError(`Item id ${JSON.stringify(bad)} cannot be written to a vector CSV (it holds a comma, quote, line break or edge space, or is empty); write a .npy file instead (rows in catalog order)`);
  const head = ['id', ...Array.from({ length: v.dim }, (_, d) => `d${d}`)].join(',');
  const lines = v.ids.map((id, i) => [id, ...Array.from(v.data.subarray(i * v.dim, (i + 1) * v.dim), (x) => String(x))].join(','));
  return [head, ...lines].join('\n') + '\n';
}
