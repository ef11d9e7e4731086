/**
 * Each scenario shows what its note promises, run through the one run description with
 * the rule-based simulator (the app runs the same description). If a change to the
 * simulator or the recommenders breaks a promise, this fails and the note (or the seed)
 * must change with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import { runSession } from '../../src/core/env/runner';
import { buildRun, parseRunDescription } from '../../src/core/run';
import { SCENARIOS, TABLE2_FIRST_LIST, scenarioById, scenarioRunInput, type Scenario } from '../../src/core/scenarios';
import type { Catalog, Item, Trajectory, UserProfile } from '../../src/core/types';

let catalog: Catalog;
let users: UserProfile[];
let byId: Map<string, Item>;

beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
  users = await loadBuiltinPersonas();
  byId = new Map(catalog.items.map((i) => [i.id, i]));
});

async function run(s: Scenario, over: Record<string, unknown> = {}): Promise<Trajectory> {
  const d = parseRunDescription({ ...scenarioRunInput(s), ...over });
  const r = buildRun(d, { catalog, users, personas: users });
  return runSession(r.configFor(r.users[0]));
}
const topics = (t: Trajectory, turn: number) => t.turns[turn].slate.itemIds.map((id) => byId.get(id)!.topic);
const firstInstructionTurn = (t: Trajectory) => t.turns.findIndex((x) => x.reflection?.instruction);

describe('scenario presets', () => {
  it('have unique ids, a setup, notes, and first lists that exist in the built-in catalog', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      expect(s.setup.length).toBeGreaterThan(20);
      expect(s.watchFor.length).toBeGreaterThan(0);
      for (const id of s.settings.firstList ?? []) expect(byId.has(id), `${s.id}: ${id}`).toBe(true);
      // Every scenario is a valid run description.
      expect(() => parseRunDescription(scenarioRunInput(s))).not.toThrow();
    }
    expect(TABLE2_FIRST_LIST.map((id) => byId.get(id)!.topic)).toEqual(['fishing', 'ufc', 'hairstyling', 'ufc', 'hairstyling']);
    expect(scenarioById('nope')).toBeUndefined();
  });

  it("table2: the paper's first list plays out as in Table 2; content-based then shows fishing only; she instructs and gets a reply", async () => {
    const t = await run(scenarioById('table2')!);
    const d = t.turns[0].decisions;
    const main = d.map((x) => (x.actions.includes('skip') && !x.actions.includes('watch') ? 'skip' : 'watch'));
    expect(main).toEqual(['watch', 'watch', 'skip', 'watch', 'skip']);
    expect(d[1].actions).toContain('like');
    // Fatigue: the second UFC fight gets less of her time than the first.
    expect(d[3].watchSec).toBeLessThan(d[1].watchSec);
    const k = firstInstructionTurn(t);
    expect(k).toBeGreaterThan(0);
    for (let i = 1; i <= k; i++) expect(topics(t, i).every((x) => x === 'fishing'), `turn ${i}: ${topics(t, i)}`).toBe(true);
    expect(t.turns[k + 1].slate.message).toBeTruthy();
  });

  it('instructions-off: one list, then the session ends', async () => {
    const t = await run(scenarioById('instructions-off')!);
    expect(t.turns).toHaveLength(1);
    expect(t.endReason).toBe('no_instructions');
  });

  it('traditional: identical to table2 until the instruction, then ignores it (no reply, the same topic again)', async () => {
    const a = await run(scenarioById('table2')!);
    const b = await run(scenarioById('traditional')!);
    const k = firstInstructionTurn(a);
    expect(firstInstructionTurn(b)).toBe(k);
    for (let i = 0; i <= k; i++) expect(b.turns[i].slate.itemIds).toEqual(a.turns[i].slate.itemIds);
    expect(b.turns[k + 1].slate.message).toBeFalsy();
    expect(topics(b, k + 1).filter((x) => x === 'fishing').length).toBeGreaterThan(topics(a, k + 1).filter((x) => x === 'fishing').length);
  });

  it('new-user: popular lists miss her tastes; she asks for gardening and the next list has it', async () => {
    const t = await run(scenarioById('new-user')!);
    const grace = users.find((u) => u.id === 'persona-grace')!;
    const top = Object.entries(grace.interests).sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k]) => k);
    expect(topics(t, 0).filter((x) => top.includes(x)).length).toBeLessThanOrEqual(1);
    const k = firstInstructionTurn(t);
    expect(t.turns[k].reflection!.instruction!.text.toLowerCase()).toContain('gardening');
    expect(topics(t, k + 1)).toContain('gardening');
  });

  it('late-night-phone: the context changes the session (against the same seed in her default context)', async () => {
    const s = scenarioById('late-night-phone')!;
    const night = await run(s);
    const evening = await run(s, { context: {} });
    expect(night.context.timeOfDay).toBe('night');
    expect(evening.context.timeOfDay).not.toBe('night');
    expect([night.metrics.sessionSec, night.metrics.itemsViewed]).not.toEqual([evening.metrics.sessionSec, evening.metrics.itemsViewed]);
  });
});
