/**
 * LLM prompt per decision by item/history representation (text, sid, sid-counts): mean
 * prompt tokens, mean NEW tokens (those after the longest common token prefix with the
 * previous call's prompt in the same session: what a prefix cache cannot reuse), and
 * prefix reuse (mean share of each prompt shared with the previous one).
 *
 * The same sessions as the llm-prompt section (rule-based users stand in for the LLM, no
 * model is run; built-in catalog, 'popular', lists of 10, up to 5 lists, first 8 personas),
 * the messages exactly as the LLM simulator builds them (its messagesFor). Semantic IDs:
 * offline embedding + RQ-KMeans (seed 42). Tokenizers: o200k_base (gpt-tokenizer, a proxy)
 * and, where shared/models is present, the real SmolLM2 tokenizer with its chat template.
 * This section also runs the llm-prompt section and keeps its figures (the bench merges
 * sections shallowly).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { buildCatalogIndex } from '../../src/core/catalog/catalog-index';
import { fitOfflineEmbedding } from '../../src/core/embed/offline';
import { fitSemanticIds } from '../../src/core/embed/semantic-ids';
import type { ChatMessage } from '../../src/core/llm/chat-engine';
import { runSession } from '../../src/core/env/runner';
import { recommenders } from '../../src/core/recommenders/registry';
import { createRng } from '../../src/core/rng';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { sidRepresentation, type PromptRepresentation, type RepresentationMode } from '../../src/core/simulator/llm/representation';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRuleBasedSimulator } from '../../src/core/simulator/rule-based';
import type { ChatEngine } from '../../src/core/llm/chat-engine';
import { defaultContext } from '../../src/core/users/context';
import { builtinWorld, round, type SectionResult } from './common';
import { run as runTextPrompt } from './llm-prompt';

export const title = 'LLM prompt per decision by representation (text / sid / sid-counts)';

function lcp(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Never called: the simulator is only asked for its messages. */
const noEngine: ChatEngine = { id: 'none', chat: () => Promise.reject(new Error('not used')) };

async function smolTokenizer(): Promise<((m: ChatMessage[]) => number[]) | null> {
  const dir = join(process.cwd(), '../shared/models');
  if (!existsSync(join(dir, 'tiny-random-smollm2', 'tokenizer.json'))) return null;
  const tjs = await import('@huggingface/transformers');
  tjs.env.localModelPath = `${dir}/`;
  tjs.env.allowRemoteModels = false;
  tjs.env.allowLocalModels = true;
  const tok = await tjs.AutoTokenizer.from_pretrained('tiny-random-smollm2');
  return (m) => tok.encode(tok.apply_chat_template(m, { tokenize: false, add_generation_prompt: true }) as string);
}

export async function run(): Promise<SectionResult> {
  const text = (await runTextPrompt()).llmPrompt as Record<string, unknown>;
  const { catalog, personas } = await builtinWorld();
  const index = buildCatalogIndex(catalog);
  const emb = fitOfflineEmbedding(catalog, createRng(42));
  const sid = fitSemanticIds(emb.vectors, catalog.items, createRng(42).fork('sid'));
  const recommender = recommenders.get('popular').create();
  recommender.fit?.({ catalog, users: personas }, createRng(1));
  const smol = await smolTokenizer().catch(() => null);
  const tokenizers: [string, (m: ChatMessage[]) => number[]][] = [['o200k', (m) => encode(m.map((x) => x.content).join('\n'))]];
  if (smol) tokenizers.push(['smollm2', smol]);
  const modes: RepresentationMode[] = ['text', 'sid', 'sid-counts'];
  const stats: Record<string, Record<string, { prompt: number[]; fresh: number[]; reuse: number[] }>> = {};
  for (const [tname] of tokenizers) stats[tname] = Object.fromEntries(modes.map((m) => [m, { prompt: [], fresh: [], reuse: [] }]));
  for (const [i, user] of personas.slice(0, 8).entries()) {
    const context = defaultContext(user);
    const traj = await runSession({ catalog, index, user, context, simulator: createRuleBasedSimulator(), recommender, seed: 100 + i, listSize: 10, maxTurns: 5, instructionsEnabled: true });
    for (const mode of modes) {
      const representation: PromptRepresentation | undefined = mode === 'text' ? undefined : sidRepresentation(sid, catalog, mode);
      const sim = createLlmSimulator({ engine: noEngine, fallback: createRuleBasedSimulator(), representation });
      const session = sim.startSession({ user, context, memory: emptyMemory(user.id), catalog, rng: createRng(100 + i), instructionsEnabled: true }) as unknown as {
        messagesFor(item: unknown, p: number, t: number): ChatMessage[];
        seen: { item: unknown; decision: unknown }[];
        current: unknown;
      };
      const prev: Record<string, number[] | null> = {};
      for (const turn of traj.turns) {
        for (const d of turn.decisions) {
          const item = index.byId.get(d.itemId);
          if (!item) continue;
          const messages = session.messagesFor(item, d.position, turn.index);
          for (const [tname, tok] of tokenizers) {
            const ids = tok(messages);
            const st = stats[tname][mode];
            const shared = prev[tname] ? lcp(prev[tname]!, ids) : 0;
            st.prompt.push(ids.length);
            if (prev[tname]) {
              st.fresh.push(ids.length - shared);
              st.reuse.push(shared / ids.length);
            }
            prev[tname] = ids;
          }
          // Advance the simulator's view as its own decide() would (same decision as the run).
          session.seen.push({ item, decision: d });
          session.current = d.mindset;
        }
      }
    }
  }
  const byTokenizer: Record<string, Record<string, { meanPromptTokens: number; meanNewTokens: number; prefixReuse: number }>> = {};
  for (const [tname] of tokenizers) {
    byTokenizer[tname] = Object.fromEntries(
      modes.map((m) => [m, { meanPromptTokens: Math.round(mean(stats[tname][m].prompt)), meanNewTokens: Math.round(mean(stats[tname][m].fresh)), prefixReuse: round(mean(stats[tname][m].reuse)) }]),
    );
  }
  const main = byTokenizer.smollm2 ?? byTokenizer.o200k;
  return {
    llmPrompt: {
      ...text,
      byRepresentation: { ...main, tokenizer: byTokenizer.smollm2 ? 'SmolLM2 (real tokenizer + chat template)' : 'o200k_base (proxy)' },
      byRepresentationO200k: byTokenizer.o200k,
      sid: { levels: sid.levels, k: sid.k, distinctCodes: sid.distinctCodes, collisionRate: round(sid.collisionRate) },
    },
  };
}
