import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import type { ChatEngine } from '../../src/core/llm/chat-engine';
import { createRng } from '../../src/core/rng';
import type { Slate } from '../../src/core/types';
import { buildRun, parseRunDescription } from '../../src/core/run';
import { engineOf, plannerFor } from '../../src/ui/state/make-recommender';
import { decodeSettings, encodeSettings, defaultSettings } from '../../src/ui/state/url-settings';

describe('plannerFor + buildRun', () => {
  it('wraps the base when follow is on, and plans with the LLM engine when one is given', async () => {
    const llm = parseRunDescription({ recommender: { name: 'popular', follow: true, planner: 'llm' } });
    expect(plannerFor(parseRunDescription({ recommender: { name: 'popular', follow: false, planner: 'llm' } }), null)).toBeUndefined();
    expect(plannerFor(llm, null)?.name).toBe('rules');
    const engine: ChatEngine = {
      id: 'scripted',
      chat: async () => ({ text: '{"moreTopics":["f1"],"lessTopics":[],"explore":false}', usage: { promptTokens: 1, completionTokens: 1 }, model: 'scripted', finishReason: 'stop', latencyMs: 1 }),
    };
    const catalog = await loadBuiltinCatalog();
    const users = await loadBuiltinPersonas();
    const rec = buildRun(llm, { catalog, users }, { planner: plannerFor(llm, engineOf({ engine })) }).recommender;
    expect(rec.name).toBe('popular+follow');
    const u = users[0];
    const slate = (await rec.recommend(
      { userId: u.id, profile: { ...u }, context: { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: u.location }, history: [], turn: 1, shown: [], instruction: 'racing please' },
      5,
      createRng(2),
    )) as Slate;
    expect(slate.plan?.planner).toBe('llm');
    expect(slate.plan?.moreTopics).toEqual(['f1']);
    expect(engineOf({})).toBeNull();
    expect(engineOf(null)).toBeNull();
  });

  it('the planner setting round-trips through the URL and falls back to rules', () => {
    expect(defaultSettings().planner).toBe('rules');
    expect(decodeSettings(encodeSettings({ ...defaultSettings(), planner: 'llm' })).planner).toBe('llm');
    expect(decodeSettings('planner=gpt').planner).toBe('rules');
  });
});
