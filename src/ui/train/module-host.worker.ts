/**
 * Runs a user's recommender module in its own Worker (no page access): `load` imports the
 * module's source from a blob URL, `call` runs one API call (recommend, reset, fit).
 */
import { serve, type Endpoint } from '../../worker/rpc';
import { recommenderModuleOf, type RecommenderModule } from '../../remote/module-endpoint';
import { boundModuleReply } from '../../core/recommenders/remote/reply';
import type { ModuleHostApi } from './module-host-protocol';

let mod: RecommenderModule | null = null;

serve<ModuleHostApi>(self as unknown as Endpoint, {
  async load({ source, file }) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      mod = recommenderModuleOf((await import(/* @vite-ignore */ url)) as Record<string, unknown>, file);
      return { name: mod.name ?? null };
    } finally {
      URL.revokeObjectURL(url);
    }
  },
  async call({ request }) {
    if (!mod) throw new Error('no module loaded');
    const fn = request.op === 'recommend' ? mod.recommend : request.op === 'reset' ? mod.reset : mod.fit;
    if (!fn) return {};
    const value = await fn.call(mod, request);
    if (request.op !== 'recommend') return {};
    // Only plain data crosses back, within the HTTP bounds (list length, bytes): a reply of
    // ten million ids is refused here, in the module's worker, before it is copied to the page.
    const bounded = boundModuleReply(value, request.k);
    if (bounded.problem !== undefined) throw new Error(bounded.problem);
    return JSON.parse(bounded.json) as unknown;
  },
});
