/**
 * Export-file fuzz suite: broken export files (JSON) and trajectory files (JSONL) through
 * the real importer and a (fake) IndexedDB. Each must be refused with a clear error naming
 * the record or line, quickly, and leave the database exactly as it was.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportAll, exportJsonl, ImportFileError, importText } from '../../src/storage/export';
import type { RecoDb } from '../../src/storage/db';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import { dbName, item, sampleSession } from '../storage/fixtures';

/** A value nested `n` levels deep. */
function deep(n: number): string {
  return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

interface Case {
  name: string;
  /** Builds the file from a good export (`all`, parsed) and a good JSONL line. */
  text: (good: { all: Record<string, unknown>; line: Record<string, unknown> }) => string;
  error: RegExp;
  where?: { line?: number; record?: number };
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const withAll = (f: (a: Record<string, any>) => void) => (g: { all: Record<string, unknown> }): string => {
  const a = clone(g.all) as Record<string, any>;
  f(a);
  return JSON.stringify(a);
};
const twoSessions = (g: { all: Record<string, unknown> }): Record<string, any> => {
  const a = clone(g.all) as Record<string, any>;
  const second = clone(a.sessions[0]);
  second.session.id = 'second@1';
  for (const e of second.events) e.sessionId = 'second@1';
  a.sessions.push(second);
  return a;
};

const CASES: Case[] = [
  { name: 'empty file', text: () => '', error: /The file is empty/ },
  { name: 'only whitespace', text: () => '  \n\t\n', error: /The file is empty/ },
  { name: 'a JSON array', text: () => '[{"format":"recoworld-playground"}]', error: /found a JSON array/ },
  { name: 'format is something else', text: withAll((a) => (a.format = 'other-app')), error: /Not a RecoWorld export: "format" is "other-app"/ },
  { name: 'version 0', text: withAll((a) => (a.version = 0)), error: /Export format version 0 is not supported: this app reads versions 1 to 1/ },
  { name: 'version -1', text: withAll((a) => (a.version = -1)), error: /version -1 is not supported/ },
  { name: 'version 1.5', text: withAll((a) => (a.version = 1.5)), error: /version 1.5 is not supported/ },
  { name: 'version "1" (a string)', text: withAll((a) => (a.version = '1')), error: /version "1" is not supported/ },
  { name: 'version 2 (from the future)', text: withAll((a) => (a.version = 2)), error: /version 2 is not supported/ },
  { name: 'version missing', text: withAll((a) => delete a.version), error: /version missing is not supported/ },
  { name: 'kind "everything"', text: withAll((a) => (a.kind = 'everything')), error: /"kind" is "everything": expected "all" or "session"/ },
  { name: 'kind missing', text: withAll((a) => delete a.kind), error: /"kind" is missing/ },
  { name: 'kind "session" with two sessions', text: (g) => JSON.stringify({ ...twoSessions(g), kind: 'session' }), error: /A "session" export holds exactly one session; this one holds 2/ },
  { name: 'schemaVersion "two"', text: withAll((a) => (a.schemaVersion = 'two')), error: /"schemaVersion" must be a positive whole number/ },
  { name: 'sessions is an object', text: withAll((a) => (a.sessions = {})), error: /"sessions" must be an array/ },
  {
    name: 'two records with the same session id',
    text: (g) => JSON.stringify({ ...twoSessions(g), sessions: [twoSessions(g).sessions[0], twoSessions(g).sessions[0]] }),
    error: /Session record 2 \(id [^)]+\): the same session id as session record 1/, where: { record: 1 },
  },
  { name: 'a record without its session', text: withAll((a) => delete a.sessions[0].session), error: /Session record 1: session: /, where: { record: 0 } },
  { name: 'startedAt is a word', text: (g) => { const a = twoSessions(g); a.sessions[1].session.startedAt = 'yesterday'; return JSON.stringify(a); }, error: /Session record 2 \(id second@1\): session\.startedAt/, where: { record: 1 } },
  { name: 'startedAt is 1e999 (Infinity)', text: (g) => JSON.stringify(g.all).replace(/"startedAt":\d+/, '"startedAt":1e999'), error: /Session record 1 \(id [^)]+\): session\.startedAt: .*Infinity/ },
  { name: 'startedAt is 1e300 (finite, but no date)', text: (g) => JSON.stringify(g.all).replace(/"startedAt":\d+/, '"startedAt":1e300'), error: /Session record 1 \(id [^)]+\): session\.startedAt: expected a date/ },
  { name: 'JSONL: startedAt is -1e20', text: (g) => JSON.stringify({ ...g.line, startedAt: -1e20 }), error: /^Line 1: not a trajectory: startedAt: expected a date/, where: { line: 1 } },
  { name: 'an event of another session', text: withAll((a) => (a.sessions[0].events[2].sessionId = 'elsewhere')), error: /events\.2\.sessionId does not match the session id/, where: { record: 0 } },
  { name: 'two events with one seq', text: withAll((a) => (a.sessions[0].events[3].seq = a.sessions[0].events[2].seq)), error: /events\.3\.seq 2 appears twice/, where: { record: 0 } },
  { name: 'an event of an unknown kind', text: withAll((a) => (a.sessions[0].events[1].kind = 'explode')), error: /Session record 1 .*events\.1\.kind/ },
  { name: 'a decision with a negative watch time', text: withAll((a) => (a.sessions[0].trajectory.turns[0].decisions[0].watchSec = -5)), error: /trajectory\.turns\.0\.decisions\.0\.watchSec/ },
  {
    name: 'a record nested 100,000 levels deep',
    text: (g) => JSON.stringify(g.all).replace('"trajectory":{', `"trajectory":{"deep":${deep(100_000)},`),
    error: /Session record 1 \(id [^)]+\): nested more than 64 levels deep \(at trajectory\.deep\.a\.a/, where: { record: 0 },
  },
  { name: 'JSONL: a line that is not JSON', text: (g) => `${JSON.stringify(g.line)}\n{"id": "x", "turns": [}\n`, error: /^Line 2: not valid JSON/, where: { line: 2 } },
  { name: 'JSONL: a line that is not a trajectory', text: (g) => `${JSON.stringify(g.line)}\n${JSON.stringify({ hello: 'world' })}\n`, error: /^Line 2: not a trajectory: /, where: { line: 2 } },
  { name: 'JSONL: a line nested 100,000 levels deep', text: (g) => `${JSON.stringify(g.line)}\n${JSON.stringify({ ...g.line, x: 1 }).replace('{', `{"deep":${deep(100_000)},`)}\n`, error: /^Line 2: nested more than 64 levels deep/, where: { line: 2 } },
  { name: 'JSONL: a broken session field', text: (g) => JSON.stringify({ ...g.line, session: { id: 's' } }), error: /^Line 1: session: /, where: { line: 1 } },
  { name: 'JSONL: the same session twice', text: (g) => `${JSON.stringify(g.line)}\n\n${JSON.stringify(g.line)}\n`, error: /^Line 3: the same session id \([^)]+\) as line 1/, where: { line: 3 } },
  // A replay draws each turn once and each decision in its list's slot: a position of 50,000,000
  // made a 50-million-slot array (the tab ran out of memory); a repeated turn index or action
  // threw Svelte's each_key_duplicate and the replay never showed.
  { name: 'a decision far outside its list', text: withAll((a) => (a.sessions[0].trajectory.turns[0].decisions[0].position = 50_000_000)), error: /Session record 1 \(id [^)]+\): trajectory\.turns\.0\.decisions\.0\.position 50000000 is outside its list of 2 items/, where: { record: 0 } },
  { name: 'two turns with one index', text: withAll((a) => (a.sessions[0].trajectory.turns[1].index = 0)), error: /trajectory\.turns\.1\.index 0 appears twice/, where: { record: 0 } },
  { name: 'a decision with an action twice', text: withAll((a) => (a.sessions[0].trajectory.turns[0].decisions[0].actions = ['watch', 'watch'])), error: /trajectory\.turns\.0\.decisions\.0\.actions: an action appears twice/, where: { record: 0 } },
  {
    name: 'events only: a decision outside its list',
    text: withAll((a) => {
      a.sessions[0].trajectory = null;
      a.sessions[0].events.find((e: { kind: string }) => e.kind === 'decision').decision.position = 7;
    }),
    error: /Session record 1 \(id [^)]+\): the turns its events make: turns\.0\.decisions\.0\.position 7 is outside its list of 2 items/, where: { record: 0 },
  },
  {
    name: 'events only: two lists for one turn',
    text: withAll((a) => {
      a.sessions[0].trajectory = null;
      a.sessions[0].events.filter((e: { kind: string }) => e.kind === 'list')[1].turn = 0;
    }),
    error: /the turns its events make: turns\.1\.index 0 appears twice/, where: { record: 0 },
  },
  // A few MB of ids drew a million cards on replay: a list or a session longer than any run of this app is refused.
  { name: 'a list of 1,001 items', text: withAll((a) => (a.sessions[0].trajectory.turns[0].slate.itemIds = Array.from({ length: 1001 }, (_, i) => `x${i}`))), error: /trajectory\.turns\.0\.slate\.itemIds holds 1,001 items; a list of this app has at most 1,000/, where: { record: 0 } },
  { name: 'JSONL: 1,001 turns', text: (g) => { const l = clone(g.line) as Record<string, any>; l.turns = Array.from({ length: 1001 }, (_, i) => ({ ...l.turns[0], index: i })); return JSON.stringify(l); }, error: /^Line 1: 1,001 turns; a session of this app has at most 1,000/, where: { line: 1 } },
  { name: 'JSONL: a decision far outside its list', text: (g) => { const l = clone(g.line) as Record<string, any>; l.turns[1].decisions[1].position = 1e9; return JSON.stringify(l); }, error: /^Line 1: turns\.1\.decisions\.1\.position 1000000000 is outside its list of 2 items/, where: { line: 1 } },
  // The replay shows a plan's summary as text: a list there threw "text.matchAll is not a function".
  { name: 'a plan whose summary is not text', text: withAll((a) => (a.sessions[0].trajectory.turns[1].slate.plan = { summary: ['\u202e'] })), error: /trajectory\.turns\.1\.slate\.plan\.summary/, where: { record: 0 } },
  { name: 'JSONL: a plan whose summary is not text', text: (g) => { const l = clone(g.line) as Record<string, any>; l.turns[0].slate.plan = { summary: 42 }; return JSON.stringify(l); }, error: /^Line 1: not a trajectory: turns\.0\.slate\.plan\.summary/, where: { line: 1 } },
  // The replay's card shows an LLM call's model, tokens and speed: without them it threw ("reading 'toFixed'").
  { name: 'an LLM decision without its figures', text: withAll((a) => (a.sessions[0].trajectory.turns[0].decisions[0].llm = { model: 'm' })), error: /trajectory\.turns\.0\.decisions\.0\.llm\.promptTokens/, where: { record: 0 } },
  { name: 'a truncated export', text: (g) => JSON.stringify(g.all).slice(0, 300), error: /^Line 1: not valid JSON/, where: { line: 1 } },
];

let db: RecoDb;
let good: { all: Record<string, unknown>; line: Record<string, unknown> };
let before: { sessions: number; events: number; trajectories: number };

async function counts(): Promise<typeof before> {
  return { sessions: await db.sessions.count(), events: await db.events.count(), trajectories: await db.trajectories.count() };
}

beforeAll(async () => {
  db = await openDb(dbName());
  const { meta, events } = sampleSession('fuzz');
  const rec = createRecorder(db, meta, { itemLookup: (x) => item(x) });
  for (const e of events) rec.onEvent(e);
  await rec.done;
  good = { all: JSON.parse(await exportAll(db, 1)), line: JSON.parse((await exportJsonl(db)).trim()) };
  before = await counts();
});

describe('export fuzz: broken export files', () => {
  it('has at least 20 cases with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const text = c.text(good);
      let err: unknown = null;
      try {
        await importText(db, text);
      } catch (e) {
        err = e;
      }
      expect(err, 'the import must fail').toBeInstanceOf(ImportFileError);
      const e = err as ImportFileError;
      expect(e.message).toMatch(c.error);
      expect(e.message.length).toBeLessThan(600);
      if (c.where?.line !== undefined) expect(e.line).toBe(c.where.line);
      if (c.where?.record !== undefined) expect(e.record).toBe(c.where.record);
      expect(await counts()).toEqual(before);
    }, 20_000);
  }

  it('the unbroken files still import (as duplicates of what is stored)', async () => {
    expect(await importText(db, JSON.stringify(good.all))).toMatchObject({ added: 0, duplicates: 1 });
    expect(await importText(db, JSON.stringify(good.line))).toMatchObject({ added: 0, duplicates: 1 });
    expect(await counts()).toEqual(before);
  });
});
