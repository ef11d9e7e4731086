/**
 * Schemas for catalogs and user profiles, and parsers for files a person imports.
 *
 * Two levels: the strict schemas (`ItemSchema`, `CatalogSchema`, `UserProfileSchema`)
 * require every field, as the built-in data has them; the import parsers accept files
 * where only the essentials are present (an item needs id, title and topic; a profile
 * id, name and interests) and fill the rest with documented defaults
 * (static-data/SCHEMA.md). A wrong type or an out-of-range value is always an error,
 * thrown as an `ImportError` naming the file, the line and the field.
 */
import { z } from 'zod';
import type { Catalog, CreatorInfo, Item, TopicInfo, UserProfile } from '../types';
import { ACTION_TYPES } from '../types';
import { ImportError, quoteValue } from './import-error';
import { findDuplicateKey, findSyntaxError, lineOf, locatePath } from './json-position';

const unit = z.number().min(0).max(1);
const count = z.number().int().min(0);
const FORMATS = ['short_video', 'text_post', 'image', 'friend_suggestion', 'movie'] as const;
/**
 * An item's length: a tenth of a second to a week. Any positive number was taken, so 1e308
 * (or 5e-324) reached the session clock, where watch times and the time budget are summed.
 */
const duration = z.number().min(0.1).max(604_800);

/** Every field of an `Item`, required. */
export const ItemSchema = z.object({
  id: z.string().min(1), title: z.string().min(1), description: z.string(), topic: z.string().min(1),
  subtopic: z.string(), tags: z.array(z.string()), creator: z.string(), format: z.enum(FORMATS),
  durationSec: duration, publishedAt: z.number().int(), locale: z.string(),
  likes: count, shares: count, comments: count, quality: unit,
});

const TopicSchema = z.object({ id: z.string().min(1), label: z.string().min(1), related: z.array(z.string()) });
const CreatorSchema = z.object({ id: z.string().min(1), name: z.string(), topic: z.string(), locale: z.string() });

/** A whole catalog, every field required. */
export const CatalogSchema = z.object({
  id: z.string().min(1), name: z.string().min(1), items: z.array(ItemSchema), topics: z.array(TopicSchema),
  creators: z.array(CreatorSchema), now: z.number().int(),
});

const TraitsSchema = z.object({
  timeBudgetSec: z.number().positive(), curiosity: unit, activity: unit, conformity: unit,
  fatigueSensitivity: unit, instructionPropensity: unit,
});

const InteractionSchema = z.object({
  itemId: z.string().min(1), action: z.enum(ACTION_TYPES as [string, ...string[]]), at: z.number(),
  watchSec: z.number().min(0).optional(), rating: z.number().optional(),
});

/** A user profile, every field required. */
export const UserProfileSchema = z.object({
  id: z.string().min(1), name: z.string().min(1), age: z.number().int().min(0).max(130).nullable(), gender: z.string(),
  location: z.string(), occupation: z.string(), bio: z.string(), groups: z.array(z.string()),
  interests: z.record(z.string(), unit), traits: TraitsSchema, history: z.array(InteractionSchema),
  heldOut: z.array(InteractionSchema).optional(), source: z.enum(['persona', 'edited', 'movielens']),
});

/** Defaults for traits missing from an imported profile (a middle-of-the-road user). */
export const DEFAULT_TRAITS = {
  timeBudgetSec: 600, curiosity: 0.4, activity: 0.5, conformity: 0.4, fatigueSensitivity: 0.5, instructionPropensity: 0.5,
};

const ImportItemSchema = ItemSchema.extend({
  description: z.string().default(''), subtopic: z.string().default(''), tags: z.array(z.string()).default([]),
  creator: z.string().default(''), format: z.enum(FORMATS).default('short_video'), durationSec: duration.default(30),
  publishedAt: z.number().int().default(0), locale: z.string().default(''), likes: count.default(0),
  shares: count.default(0), comments: count.default(0), quality: unit.default(0.5),
});

const ImportProfileSchema = UserProfileSchema.extend({
  age: z.number().int().min(0).max(130).nullable().default(null), gender: z.string().default(''),
  location: z.string().default(''), occupation: z.string().default(''), bio: z.string().default(''),
  groups: z.array(z.string()).default([]), traits: TraitsSchema.partial().default({}),
  history: z.array(InteractionSchema).default([]), source: z.enum(['persona', 'edited', 'movielens']).default('persona'),
});

type Path = (string | number)[];

/** One JSON document (whole file) or one JSON Lines record. */
interface Doc {
  value: unknown;
  /** Text the value was parsed from, and the 1-based line it starts on. */
  text: string;
  firstLine: number;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `string ${quoteValue(v, 40)}`;
  const s = JSON.stringify(v);
  return `${typeof v} ${s.length > 40 ? s.slice(0, 37) + '...' : s}`;
}

function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || '(top level)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * Refuses parsed JSON `text` (starting on line `firstLine` of the file) that gives a key twice
 * in one object, naming the key, the object and the line: JSON.parse keeps the last value of a
 * repeated key without a word. One linear pass of the scanner, so a catalog of many MB is fine.
 */
function rejectDuplicateKeys(text: string, firstLine: number, file: string): void {
  const dup = findDuplicateKey(text);
  if (!dup) return;
  const key = JSON.stringify(dup.key.length > 60 ? `${dup.key.slice(0, 60)}...` : dup.key);
  throw new ImportError(file, firstLine - 1 + lineOf(text, dup.offset), `${pathString(dup.path)}: the key ${key} is given twice; JSON keeps only the last, so remove one`);
}

/**
 * Parses the file as one JSON document, or, when that fails and the first record parses
 * on its own, as JSON Lines. Syntax errors name their line.
 */
function readDocs(text: string, file: string): { docs: Doc[]; lines: boolean } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportError(file, null, 'the file is empty');
  let whole: unknown;
  let parsed = false;
  try {
    whole = JSON.parse(body);
    parsed = true;
  } catch {
    // Not one JSON document: JSON Lines, or a syntax error.
  }
  if (parsed) {
    rejectDuplicateKeys(body, 1, file);
    return { docs: [{ value: whole, text: body, firstLine: 1 }], lines: false };
  }
  const rows = body.split('\n');
  const firstIdx = rows.findIndex((r) => r.trim() !== '');
  let firstOk = false;
  try {
    firstOk = typeof JSON.parse(rows[firstIdx]) === 'object';
  } catch {
    firstOk = false;
  }
  if (firstOk && rows.filter((r) => r.trim() !== '').length > 1) {
    const docs: Doc[] = [];
    rows.forEach((row, i) => {
      if (row.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(row);
      } catch {
        const err = findSyntaxError(row);
        throw new ImportError(file, i + 1, `invalid JSON Lines record: ${err ? `${err.message} at column ${err.offset + 1}` : 'not valid JSON'}`);
      }
      rejectDuplicateKeys(row, i + 1, file);
      docs.push({ value, text: row, firstLine: i + 1 });
    });
    return { docs, lines: true };
  }
  const err = findSyntaxError(body);
  if (!err) throw new ImportError(file, null, 'not valid JSON');
  const line = lineOf(body, err.offset);
  const col = err.offset - body.lastIndexOf('\n', err.offset - 1);
  throw new ImportError(file, line, `invalid JSON: ${err.message} at column ${col}`);
}

/** Validates `value` (found at `basePath` inside `doc`) or throws an ImportError on the first issue. */
function check<T>(schema: z.ZodType<T>, value: unknown, doc: Doc, basePath: Path, file: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const full = [...basePath, ...(issue.path as Path)];
  const line = doc.firstLine - 1 + lineOf(doc.text, locatePath(doc.text, full));
  const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''} in this record)` : '';
  // Zod's wording minus its prefix and its "received <type>", then what the file actually has.
  const what = issue.message.replace(/^(Invalid input|Invalid option|Too big|Too small|Invalid string|Invalid number): /, '').replace(/, received \w+$/, '');
  const detail = `${pathString(full)}: ${what}, got ${describe(valueAt(value, issue.path))}${more}`;
  throw new ImportError(file, line, detail);
}

/** Items and where they sit, for any of the accepted catalog shapes. */
function collectItems(docs: Doc[], lines: boolean, file: string): { items: { value: unknown; doc: Doc; path: Path }[]; meta: Record<string, unknown> } {
  if (lines) return { items: docs.map((doc) => ({ value: doc.value, doc, path: [] })), meta: {} };
  const doc = docs[0];
  const v = doc.value;
  if (Array.isArray(v)) return { items: v.map((value, i) => ({ value, doc, path: [i] })), meta: {} };
  if (v && typeof v === 'object' && Array.isArray((v as { items?: unknown }).items)) {
    const meta = v as Record<string, unknown>;
    return { items: (meta.items as unknown[]).map((value, i) => ({ value, doc, path: ['items', i] })), meta };
  }
  throw new ImportError(file, 1, `expected a catalog object with an "items" array, an array of items, or JSON Lines of items; got ${describe(v)}`);
}

/** An id quoted in an error, cut to 200 characters (ids are unbounded strings). */
function shortId(id: string): string {
  return id.length > 200 ? `${id.slice(0, 200)}... (${id.length.toLocaleString('en-US')} characters)` : id;
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(jsonl|ndjson|json)$/i, '');
}

/**
 * Parses a user-imported catalog: a `Catalog` object, a JSON array of items, or JSON
 * Lines of items. Missing optional item fields get defaults; topics and creators the
 * file does not list are derived from the items. Throws `ImportError` (file, line, field).
 */
export function parseCatalogJson(text: string, fileName = 'catalog.json'): Catalog {
  const { docs, lines } = readDocs(text, fileName);
  const { items: raw, meta } = collectItems(docs, lines, fileName);
  if (raw.length === 0) throw new ImportError(fileName, null, 'the catalog has no items');
  const metaDoc = docs[0];
  const header = check(
    z.object({
      id: z.string().min(1).optional(), name: z.string().min(1).optional(), now: z.number().int().optional(),
      topics: z.array(TopicSchema).optional(), creators: z.array(CreatorSchema).optional(),
    }),
    meta, metaDoc, [], fileName,
  );
  // Topic and creator ids are keys (the views key their lists by them): a repeated one is refused like an item's.
  const metaLine = (path: Path): number => metaDoc.firstLine - 1 + lineOf(metaDoc.text, locatePath(metaDoc.text, path));
  for (const key of ['topics', 'creators'] as const) {
    const first = new Map<string, number>();
    (header[key] ?? []).forEach((entry, k) => {
      const prev = first.get(entry.id);
      if (prev !== undefined) {
        throw new ImportError(fileName, metaLine([key, k, 'id']), `${pathString([key, k, 'id'])}: duplicate ${key === 'topics' ? 'topic' : 'creator'} id "${shortId(entry.id)}" (first used on line ${metaLine([key, prev, 'id'])})`);
      }
      first.set(entry.id, k);
    });
  }
  const items: Item[] = [];
  const seen = new Map<string, number>();
  // Lines are only computed on error: locating every item would be quadratic in the file size.
  const lineAt = (k: number): number => raw[k].doc.firstLine - 1 + lineOf(raw[k].doc.text, locatePath(raw[k].doc.text, raw[k].path));
  raw.forEach((r, k) => {
    const item = check(ImportItemSchema, r.value, r.doc, r.path, fileName) as Item;
    const prev = seen.get(item.id);
    if (prev !== undefined) {
      throw new ImportError(fileName, lineAt(k), `${pathString([...r.path, 'id'])}: duplicate item id "${shortId(item.id)}" (first used on line ${lineAt(prev)})`);
    }
    seen.set(item.id, k);
    items.push(item);
  });
  const topics: TopicInfo[] = header.topics ? [...header.topics] : [];
  const topicIds = new Set(topics.map((t) => t.id));
  for (const it of items) {
    if (!topicIds.has(it.topic)) {
      topicIds.add(it.topic);
      topics.push({ id: it.topic, label: it.topic.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase()), related: [] });
    }
  }
  const creators: CreatorInfo[] = header.creators ? [...header.creators] : [];
  const creatorIds = new Set(creators.map((c) => c.id));
  for (const it of items) {
    if (it.creator && !creatorIds.has(it.creator)) {
      creatorIds.add(it.creator);
      creators.push({ id: it.creator, name: it.creator, topic: it.topic, locale: it.locale });
    }
  }
  const now = header.now ?? items.reduce((m, it) => Math.max(m, it.publishedAt), 0);
  const id = header.id ?? (baseName(fileName).toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'imported');
  return { id, name: header.name ?? baseName(fileName), items, topics, creators, now };
}

/**
 * Parses user-imported profiles: a JSON array of profiles, `{ "personas": [...] }`, a
 * single profile object, or JSON Lines of profiles. Missing optional fields and traits
 * get defaults. Throws `ImportError` (file, line, field).
 */
export function parsePersonasJson(text: string, fileName = 'personas.json'): UserProfile[] {
  const { docs, lines } = readDocs(text, fileName);
  let raw: { value: unknown; doc: Doc; path: Path }[];
  const v = docs[0].value;
  if (lines) raw = docs.map((doc) => ({ value: doc.value, doc, path: [] }));
  else if (Array.isArray(v)) raw = v.map((value, i) => ({ value, doc: docs[0], path: [i] }));
  else if (v && typeof v === 'object' && Array.isArray((v as { personas?: unknown }).personas)) {
    raw = ((v as { personas: unknown[] }).personas).map((value, i) => ({ value, doc: docs[0], path: ['personas', i] }));
  } else if (v && typeof v === 'object') raw = [{ value: v, doc: docs[0], path: [] }];
  else throw new ImportError(fileName, 1, `expected a profile, an array of profiles or JSON Lines of profiles; got ${describe(v)}`);
  if (raw.length === 0) throw new ImportError(fileName, null, 'the file has no profiles');
  const seen = new Set<string>();
  return raw.map((r) => {
    const p = check(ImportProfileSchema, r.value, r.doc, r.path, fileName);
    if (seen.has(p.id)) {
      const line = r.doc.firstLine - 1 + lineOf(r.doc.text, locatePath(r.doc.text, [...r.path, 'id']));
      throw new ImportError(fileName, line, `${pathString([...r.path, 'id'])}: duplicate profile id "${p.id}"`);
    }
    seen.add(p.id);
    return { ...p, traits: { ...DEFAULT_TRAITS, ...p.traits } } as UserProfile;
  });
}

export { ImportError };
