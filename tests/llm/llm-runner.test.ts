/**
 * The LLM simulator inside the real session runner, with a scripted engine: thought deltas
 * become events, the instruction reaches the recommender, a stop keeps the completed items.
 */
import { describe, expect, it } from 'vitest';
import { runSession } from '../../src/core/env/runner';
import type { SessionEvent } from '../../src/core/env/environment';
import { recommenders } from '../../src/core/recommenders/registry';
import { simulators } from '../../src/core/simulator/registry';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { createRng } from '../../src/core/rng';
import { ScriptedEngine, catalog, context, good, maya } from './fixtures';

function setup(replies: string[]) {
  const engine = new ScriptedEngine(replies);
  const simulator = createLlmSimulator({ engine, fallback: simulators.get('rule-based').create() });
  const recommender = recommenders.get('popular').create();
  recommender.fit?.({ catalog, users: [maya] }, createRng(1));
  return { engine, simulator, recommender };
}

describe('LLM simulator in the session runner', () => {
  it('runs a session: thoughts stream as events, a leave with instruction starts a new list, fallbacks are marked', async () => {
    const { simulator, recommender } = setup([
      good({ thought: 'Lobsters again, nice.' }),
      'no json here', 'still none', 'nope', // second item: three bad replies -> rule-based fallback
      good({ actions: ['skip', 'leave'], watch_seconds: 0, satisfaction: 2, reflection: 'Off my interests.', reasons: ['off_interest'], instruction: 'More UFC please.' }),
      good({ actions: ['leave'], watch_seconds: 0, reflection: 'Done for today.', reasons: ['satisfied'] }),
    ]);
    const events: SessionEvent[] = [];
    const traj = await runSession(
      { catalog, user: maya, context, simulator, recommender, seed: 3, listSize: 3, maxTurns: 3, instructionsEnabled: true },
      (e) => void events.push(e),
    );
    const decisions = traj.turns.flatMap((t) => t.decisions);
    expect(decisions[0].thought).toBe('Lobsters again, nice.');
    expect(decisions[0].llm?.model).toBe('scripted-1');
    const deltas = events.filter((e) => e.type === 'thought_delta' && e.turn === 0 && e.position === 0).map((e) => (e as { text: string }).text);
    expect(deltas.join('')).toBe('Lobsters again, nice.');
    expect(decisions[1].fallback).toBe(true);
    // With this seed the rule-based fallback stays (it engages), so the LLM's leave on item 3 ends list 1.
    expect(decisions[1].actions).not.toContain('leave');
    expect(traj.turns[0].reflection?.instruction?.text).toBe('More UFC please.');
    expect(events.some((e) => e.type === 'instruction' && e.text === 'More UFC please.')).toBe(true);
    expect(traj.turns.length).toBe(2);
    expect(traj.endReason).toBe('left_silent');
    expect(simulator.templates.item).toContain('{{item}}');
  });

  it('a stopped run keeps the items completed before the stop', async () => {
    const { simulator, recommender } = setup([good(), good(), good(), good()]);
    const signal = { aborted: false };
    let decided = 0;
    const traj = await runSession(
      { catalog, user: maya, context, simulator, recommender, seed: 3, listSize: 3, maxTurns: 3, instructionsEnabled: true, signal },
      (e) => {
        if (e.type === 'decision' && ++decided === 2) signal.aborted = true;
      },
    );
    expect(traj.endReason).toBe('stopped');
    expect(traj.turns.flatMap((t) => t.decisions)).toHaveLength(2);
  });
});
