import { describe, expect, it } from 'vitest';
import { fitOfflineEmbedding } from '../../src/core/embed/offline';
import { fitSemanticIds, sidString } from '../../src/core/embed/semantic-ids';
import { createRng } from '../../src/core/rng';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { sidLegend, sidRepresentation } from '../../src/core/simulator/llm/representation';
import { emptyMemory } from '../../src/core/simulator/memory';
import { catalog, context, maya, stubFallback, ScriptedEngine, good } from './fixtures';

const emb = fitOfflineEmbedding(catalog, createRng(1), { dim: 4 });
const sid = fitSemanticIds(emb.vectors, catalog.items, createRng(2), { levels: 2, k: 2 });

describe('semantic-ID prompt representation', () => {
  it('puts the code legend and the reply format in the system message (the cached prefix)', () => {
    const rep = sidRepresentation(sid, catalog, 'sid');
    const sys = rep.system({ role: 'system', content: 'PERSONA' });
    expect(sys.content.startsWith('PERSONA')).toBe(true);
    expect(sys.content).toContain(sidLegend(sid));
    expect(sys.content).toContain('Reply with this JSON object');
    expect(sidLegend(sid).split('\n').length).toBe([...sid.labels.keys()].length);
  });

  it('writes items as codes and the history append-only (sid) or as counts per prefix (sid-counts)', async () => {
    const engine = new ScriptedEngine([good(), good(), good()]);
    const sim = createLlmSimulator({ engine, fallback: stubFallback(), representation: sidRepresentation(sid, catalog, 'sid') });
    const s = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled: false }) as ReturnType<typeof sim.startSession> & { messagesFor(i: unknown, p: number, t: number): { content: string }[] };
    const first = s.messagesFor(catalog.items[0], 0, 0)[1].content;
    expect(first).toContain(sidString(sid, 0));
    expect(first).not.toContain(catalog.items[0].title);
    await s.decide(catalog.items[0], 0, 0);
    await s.decide(catalog.items[1], 1, 0);
    const third = s.messagesFor(catalog.items[2], 2, 0)[1].content;
    const history = third.split('\n')[1];
    expect(history.startsWith(`${sidString(sid, 0)} `)).toBe(true);
    expect(history).toContain(`; ${sidString(sid, 1)} `);
    // The request the engine got used the SID system message.
    expect(engine.requests[0].messages[0].content).toContain('# Item codes');

    const counts = sidRepresentation(sid, catalog, 'sid-counts').user({
      seen: [{ item: catalog.items[0], decision: { actions: ['watch'] } as never }, { item: catalog.items[0], decision: { actions: ['watch'] } as never }],
      mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
      item: catalog.items[1], position: 2, turn: 0, lastReply: null,
    }).content;
    expect(counts).toMatch(new RegExp(`${sidString(sid, 0).split('-').slice(0, 2).join('-')}: 2 watch`));
  });
});
