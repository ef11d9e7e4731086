/**
 * The stored session says how much of an LLM session the fallback decided: a session run
 * by the real env with the LLM simulator (a scripted engine whose replies are unusable, or
 * usable) and recorded by the real recorder (fake-indexeddb) keeps `metrics.llmFallback`.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import { loadSession } from '../../src/storage/queries';
import { runSession } from '../../src/core/env/runner';
import { createRecommender } from '../../src/core/recommenders/agentic';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { simulators } from '../../src/core/simulator/registry';
import type { SessionMeta } from '../../src/storage/db';
import { catalog, context, good, maya, ScriptedEngine } from './fixtures';

async function runAndStore(replies: string[], name: string) {
  const db = await openDb(`llm-fallback-${name}-${Date.now()}`);
  const simulator = createLlmSimulator({ engine: new ScriptedEngine(replies), fallback: simulators.get('rule-based').create() });
  const recommender = createRecommender('popular');
  recommender.fit?.({ catalog, users: [maya] }, (await import('../../src/core/rng')).createRng(1));
  const meta: SessionMeta = {
    id: 'pending', startedAt: catalog.now, seed: 4, userId: maya.id, recommender: recommender.name, simulator: 'llm', catalogId: catalog.id,
    instructionsEnabled: true, settings: {},
  };
  const rec = createRecorder(db, meta);
  const t = await runSession({ catalog, user: maya, context, simulator, recommender, seed: 4, listSize: 2, maxTurns: 1, instructionsEnabled: false }, (e) => rec.onEvent(e));
  await rec.done;
  const stored = await loadSession(db, rec.id);
  db.close();
  return { t, stored };
}

describe('a stored LLM session keeps its fallback share', () => {
  it('every reply unusable: share 1 in the trajectory and in the stored session', async () => {
    const { t, stored } = await runAndStore(Array(30).fill('not JSON'), 'bad');
    const n = t.turns.flatMap((x) => x.decisions).length;
    expect(n).toBeGreaterThan(0);
    expect(t.metrics.llmFallback).toEqual({ decisions: n, fallbacks: n, share: 1 });
    expect(stored?.session.metrics?.llmFallback).toEqual({ decisions: n, fallbacks: n, share: 1 });
    expect(stored?.trajectory?.metrics.llmFallback?.share).toBe(1);
  });

  it('usable replies: share 0', async () => {
    const { t, stored } = await runAndStore(Array(30).fill(good({ actions: ['skip'], watch_seconds: 0 })), 'good');
    const n = t.turns.flatMap((x) => x.decisions).length;
    expect(stored?.session.metrics?.llmFallback).toEqual({ decisions: n, fallbacks: 0, share: 0 });
  });
});
