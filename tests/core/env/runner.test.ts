import { describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from '../../../src/core/env/environment';
import { runBatch, runSession, runUserSessions, SessionError, type RunConfig, type Transition } from '../../../src/core/env/runner';
import { advanceContext, sessionSeed } from '../../../src/core/env/user-sessions';
import { userSeed } from '../../../src/core/env/batch';
import type { Recommender } from '../../../src/core/types';
import { CONTEXT, NOW, orderedRecommender, scriptedSimulator, tinyCatalog, tinyUser } from './stand-ins';

const catalog = tinyCatalog();
const keen = tinyUser({ traits: { ...tinyUser().traits, instructionPropensity: 1 } });

function cfg(over: Partial<RunConfig> = {}): RunConfig {
  return {
    catalog, user: keen, context: CONTEXT, simulator: scriptedSimulator(),
    recommender: orderedRecommender(catalog, { topics: ['hair', 'fishing', 'ufc'], reply: 'Sure, more fishing!' }),
    seed: 11, listSize: 4, maxTurns: 4, instructionsEnabled: true,
    retention: () => ({ returnProbability: 0.9, returnAfterHours: 10 }),
    ...over,
  };
}

describe('runSession', () => {
  it('emits the events in order, with a reply after an instruction', async () => {
    const events: SessionEvent[] = [];
    const t = await runSession(cfg(), (e) => void events.push(e));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('session_start');
    // It carries where the user starts (the simulator's own mindset), so a gauge need not invent it.
    const start = events[0].type === 'session_start' ? events[0].start : undefined;
    const first = t.turns[0].decisions[0];
    expect(start?.timeLeftSec).toBe(keen.traits.timeBudgetSec);
    expect(typeof start?.satisfaction).toBe('number');
    expect(start?.satisfaction).toBeGreaterThanOrEqual(0);
    expect(start?.satisfaction).toBeLessThanOrEqual(1);
    expect(first.mindset.timeLeftSec).toBeLessThan(start!.timeLeftSec);
    expect(types[types.length - 1]).toBe('session_end');
    expect(types.slice(1, 9)).toEqual(['list', 'item_start', 'decision', 'item_start', 'decision', 'leave', 'reflection', 'instruction']);
    // the next list carries the recommender's reply to the instruction
    expect(types.slice(9, 11)).toEqual(['list', 'reply']);
    expect(events.filter((e) => e.type === 'list')).toHaveLength(t.turns.length);
    const end = events[events.length - 1];
    expect(end.type === 'session_end' && end.trajectory).toEqual(t);
    expect(t.turns[1].slate.message).toBe('Sure, more fishing!');
    expect(t.recommender).toBe('ordered');
    expect(t.simulator).toBe('scripted');
  });

  it('is deterministic for a seed', async () => {
    expect(JSON.stringify(await runSession(cfg()))).toBe(JSON.stringify(await runSession(cfg())));
  });

  it('calls resetSession once and observe after every step, and reports transitions', async () => {
    const rec = orderedRecommender(catalog, { topics: ['fishing', 'ufc'] });
    const observe = vi.fn();
    const resetSession = vi.fn();
    const transitions: Transition[] = [];
    const t = await runSession(cfg({ recommender: { ...rec, observe, resetSession }, onStep: (x) => void transitions.push(x) }));
    expect(resetSession).toHaveBeenCalledTimes(1);
    expect(observe).toHaveBeenCalledTimes(t.turns.length);
    expect(transitions).toHaveLength(t.turns.length);
    expect(transitions.map((x) => x.reward)).toEqual(t.turns.map((x) => x.reward));
    expect(transitions[0].observation.turn).toBe(0);
    const last = transitions[transitions.length - 1];
    expect(last.terminated || last.truncated).toBe(true);
    expect(last.info.endReason).toBe(t.endReason);
  });

  it('ends as catalog_exhausted when the recommender has nothing left', async () => {
    const small = tinyCatalog(2);
    const t = await runSession(cfg({ catalog: small, recommender: orderedRecommender(small, { topics: ['fishing', 'ufc'] }), maxTurns: 10 }));
    expect(t.endReason).toBe('catalog_exhausted');
    expect(t.turns.flatMap((x) => x.slate.itemIds)).toHaveLength(4);
  });

  it('stops on abort with a partial trajectory and still emits session_end', async () => {
    const signal = { aborted: false };
    const events: SessionEvent[] = [];
    const t = await runSession(cfg({ signal, recommender: orderedRecommender(catalog, { topics: ['fishing'] }) }), (e) => {
      events.push(e);
      if (e.type === 'decision' && e.turn === 1 && e.decision.position === 1) signal.aborted = true;
    });
    expect(t.endReason).toBe('stopped');
    expect(t.turns).toHaveLength(2);
    expect(t.turns[1].decisions).toHaveLength(2);
    expect(events[events.length - 1].type).toBe('session_end');
  });

  it('rejects with a SessionError carrying the partial trajectory when the recommender fails', async () => {
    const rec: Recommender = { name: 'broken', followsInstructions: false, recommend: (o) => { if (o.turn === 1) throw new Error('boom'); return { itemIds: ['fishing-0'] }; } };
    const events: SessionEvent[] = [];
    const err = await runSession(cfg({ recommender: rec }), (e) => void events.push(e)).catch((e) => e);
    expect(err).toBeInstanceOf(SessionError);
    expect((err as SessionError).trajectory.endReason).toBe('error');
    expect((err as SessionError).trajectory.turns).toHaveLength(1);
    expect(events[events.length - 1].type).toBe('session_end');
  });

  it('rejects an invalid slate from the recommender', async () => {
    await expect(runSession(cfg({ recommender: orderedRecommender(catalog, { bad: 'duplicate' }) }))).rejects.toThrow(/appears twice/);
  });
});

describe('runUserSessions', () => {
  it('runs several sessions of one user with memory, time and context moving on', async () => {
    const r = await runUserSessions({ ...cfg({ instructionsEnabled: false }), sessions: 3, churn: false });
    expect(r.trajectories).toHaveLength(3);
    expect(r.memory.sessions).toHaveLength(3);
    expect(r.churned).toBe(false);
    expect(r.trajectories.map((t) => t.seed)).toEqual([11, sessionSeed(11, 1), sessionSeed(11, 2)]);
    const [a, b] = r.trajectories;
    // next session starts after this one plus the retention model's 10 hours
    expect(b.startedAt).toBe(a.startedAt + Math.round((a.metrics.sessionSec / 3600 + 10) * 3_600_000));
    expect(b.context.timeOfDay).not.toBe(a.context.timeOfDay);
    expect(r.gaps.every((g) => g.returned && g.returnAfterHours === 10)).toBe(true);
  });

  it('stops when the user does not come back', async () => {
    const r = await runUserSessions({ ...cfg({ retention: () => ({ returnProbability: 0, returnAfterHours: 72 }) }), sessions: 5 });
    expect(r.trajectories).toHaveLength(1);
    expect(r.churned).toBe(true);
    expect(r.gaps).toEqual([{ afterSession: 0, returnProbability: 0, returnAfterHours: 72, returned: false }]);
  });

  it('its first session is the same as runSession with the seed', async () => {
    const one = await runSession(cfg());
    const many = await runUserSessions({ ...cfg(), sessions: 2, churn: false });
    expect(JSON.stringify(many.trajectories[0])).toBe(JSON.stringify(one));
  });

  it('advanceContext moves time of day and weekday', () => {
    // evening = 19h; +10h = 5h next day -> morning, Thursday
    expect(advanceContext(CONTEXT, 10)).toEqual({ ...CONTEXT, timeOfDay: 'morning', dayOfWeek: 4 });
    // Saturday 19h + 30h = Monday 1h -> night
    expect(advanceContext({ ...CONTEXT, dayOfWeek: 6 }, 30)).toMatchObject({ timeOfDay: 'night', dayOfWeek: 1 });
  });
});

describe('runBatch', () => {
  const users = [keen, tinyUser({ id: 'u2', interests: { ufc: 0.9, fishing: 0.1 } }), tinyUser({ id: 'u3' })];
  const run = (progress?: (p: unknown) => void) =>
    runBatch({
      catalog, users, contextFor: () => CONTEXT, simulator: scriptedSimulator(),
      recommenders: [orderedRecommender(catalog), { ...orderedRecommender(catalog, { topics: ['ufc', 'fishing', 'hair'] }), name: 'ufc-first' }],
      seed: 5, listSize: 4, maxTurns: 3, instructionsEnabled: true, startedAt: NOW, onProgress: progress,
    });

  it('runs every user against every recommender, with the same seeds per user', async () => {
    const progress: unknown[] = [];
    const r = await run((p) => progress.push(p));
    expect(r.stopped).toBe(false);
    expect(r.runs.map((x) => x.recommender)).toEqual(['ordered', 'ufc-first']);
    for (const x of r.runs) {
      expect(x.trajectories.map((t) => t.userId)).toEqual(['u1', 'u2', 'u3']);
      expect(x.trajectories.map((t) => t.seed)).toEqual(users.map((u) => userSeed(5, u)));
      expect(x.metrics).toHaveLength(3);
    }
    expect(progress).toHaveLength(6);
    expect(progress[5]).toMatchObject({ done: 6, total: 6, sessions: 6 });
  });

  it('is deterministic', async () => {
    expect(JSON.stringify(await run())).toBe(JSON.stringify(await run()));
  });

  it('stops on the signal', async () => {
    const signal = { aborted: false };
    const r = await runBatch({
      catalog, users, contextFor: () => CONTEXT, simulator: scriptedSimulator(), recommenders: [orderedRecommender(catalog)],
      seed: 5, listSize: 4, maxTurns: 3, instructionsEnabled: true, signal,
      onProgress: () => { signal.aborted = true; },
    });
    expect(r.stopped).toBe(true);
    expect(r.runs[0].trajectories).toHaveLength(1);
  });
});

describe('trajectory ids', () => {
  it('default to recommender/user/seed/index and can be given', async () => {
    expect((await runSession(cfg())).id).toBe('ordered/u1/11/0');
    expect((await runSession(cfg({ trajectoryId: 'run-7' }))).id).toBe('run-7');
    const many = await runUserSessions({ ...cfg({ trajectoryId: 'run-8' }), sessions: 2, churn: false });
    expect(many.trajectories.map((t) => t.id)).toEqual(['run-8', 'run-8/1']);
  });
});
