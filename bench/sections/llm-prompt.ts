/**
 * LLM prompt size per decision: the simulator's compressed memory versus the whole history
 * written out, and the share of each prompt that is a reusable prefix (the system message,
 * byte-identical across the items of a session; and the longest common token prefix of
 * consecutive prompts).
 *
 * Tokens are counted with gpt-tokenizer's o200k_base encoding, a real BPE tokenizer that is
 * available offline but is NOT the target model's own (Qwen, Llama, SmolLM tokenizers differ
 * by some percent): a proxy. The chat template's few wrapper tokens are not counted.
 *
 * Sessions: rule-based users (their decisions stand in for the LLM's, no model is run) on the
 * built-in catalog against 'popular', lists of 10, up to 5 lists, instructions on, the first
 * 8 personas with their 7-day histories.
 */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { runSession } from '../../src/core/env/runner';
import { buildCatalogIndex } from '../../src/core/catalog/catalog-index';
import { recommenders } from '../../src/core/recommenders/registry';
import { createRng } from '../../src/core/rng';
import { createRuleBasedSimulator } from '../../src/core/simulator/rule-based';
import { emptyMemory } from '../../src/core/simulator/memory';
import { compressedMemoryText, fullHistoryText, initialMindset, itemMessage, systemMessage, DEFAULT_TEMPLATES, type SeenItem } from '../../src/core/simulator/llm';
import { defaultContext } from '../../src/core/users/context';
import { builtinWorld, round, type SectionResult } from './common';

export const title = 'LLM prompt per decision (o200k tokenizer, a proxy for the model\'s own)';

function lcp(a: number[], b: number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export async function run(): Promise<SectionResult> {
  const { catalog, personas } = await builtinWorld();
  const index = buildCatalogIndex(catalog);
  const recommender = recommenders.get('popular').create();
  recommender.fit?.({ catalog, users: personas }, createRng(1));
  const compressed: number[] = [];
  const full: number[] = [];
  const systemShare: number[] = [];
  const lcpShare: number[] = [];
  const at: Record<string, { compressed: number[]; full: number[] }> = { '1': { compressed: [], full: [] }, '10': { compressed: [], full: [] }, '30': { compressed: [], full: [] } };
  let decisions = 0;
  for (const [i, user] of personas.slice(0, 8).entries()) {
    const context = defaultContext(user);
    const traj = await runSession({
      catalog, index, user, context, simulator: createRuleBasedSimulator(), recommender, seed: 100 + i, listSize: 10, maxTurns: 5, instructionsEnabled: true,
    });
    const memory = emptyMemory(user.id);
    const sys = systemMessage(DEFAULT_TEMPLATES, { user, context, catalog, instructionsEnabled: true });
    const sysTokens = encode(sys.content).length;
    const seen: SeenItem[] = [];
    let prev: number[] | null = null;
    for (const turn of traj.turns) {
      for (const d of turn.decisions) {
        const item = index.byId.get(d.itemId);
        if (!item) continue;
        const mindset = seen.at(-1)?.decision.mindset ?? initialMindset(user);
        const inputs = { mindset, item, position: d.position, turn: turn.index, catalog };
        const cUser = itemMessage(DEFAULT_TEMPLATES, { ...inputs, memoryText: compressedMemoryText(user, memory, seen, catalog, index.byId) });
        const fUser = itemMessage(DEFAULT_TEMPLATES, { ...inputs, memoryText: fullHistoryText(user, memory, seen, catalog, index.byId) });
        const cTokens = encode(sys.content + '\n' + cUser.content);
        const fTokens = encode(sys.content + '\n' + fUser.content).length;
        compressed.push(cTokens.length);
        full.push(fTokens);
        systemShare.push(sysTokens / cTokens.length);
        if (prev) lcpShare.push(lcp(prev, cTokens) / cTokens.length);
        prev = cTokens;
        const n = String(seen.length + 1);
        if (at[n]) {
          at[n].compressed.push(cTokens.length);
          at[n].full.push(fTokens);
        }
        seen.push({ item, decision: d });
        decisions++;
      }
    }
  }
  const byPosition: Record<string, { compressed: number; fullHistory: number; n: number }> = {};
  for (const [k, v] of Object.entries(at)) if (v.compressed.length) byPosition[`item${k}`] = { compressed: Math.round(mean(v.compressed)), fullHistory: Math.round(mean(v.full)), n: v.compressed.length };
  return {
    llmPrompt: {
      tokenizer: 'o200k_base (gpt-tokenizer), proxy for the model tokenizer',
      decisions,
      meanPromptTokensCompressed: Math.round(mean(compressed)),
      meanPromptTokensFullHistory: Math.round(mean(full)),
      maxPromptTokensCompressed: Math.max(...compressed),
      maxPromptTokensFullHistory: Math.max(...full),
      systemPrefixShare: round(mean(systemShare)),
      commonPrefixShareConsecutive: round(mean(lcpShare)),
      byPosition,
    },
  };
}
