// @ts-check
/**
 * A recommender module's own thread (node:worker_threads), started by
 * module-thread-endpoint.ts: a module stuck in a loop blocks this thread only, and the CLI
 * terminates it at the call's deadline. Plain JavaScript, so the thread starts in tens of
 * milliseconds without a TypeScript loader (a `.ts` module registers tsx first). The
 * messages are typed in module-thread-protocol.ts; the words of every failure are the
 * CLI's (the core's sentences), this file only measures.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** @typedef {import('./module-thread-protocol').ModuleThreadData} ModuleThreadData */
/** @typedef {import('./module-thread-protocol').ThreadMessage} ThreadMessage */
/** @typedef {import('./module-thread-protocol').CallMessage} CallMessage */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const data = /** @type {ModuleThreadData} */ (workerData);
/** @param {ThreadMessage} m */
const post = (m) => port.postMessage(m);
/** @param {unknown} e */
const messageOf = (e) => (e instanceof Error ? e.message : String(e)).slice(0, 2000);

// The module's console.log (and any write to stdout) goes to stderr: on stdout it would
// corrupt a command's --json or `--out -` output. (Done here, not with the Worker's
// `stdout: true` option: reading that stream keeps the thread referenced, so a finished
// command would never exit.)
process.stdout.write = /** @type {typeof process.stdout.write} */ (process.stderr.write.bind(process.stderr));

/** @type {Record<string, unknown>} */
let src = {};
try {
  // tsx's ESM and CommonJS hooks (a `.ts` module outside a "type": "module" package is
  // compiled as CommonJS); `import('tsx')` itself registers nothing in a worker thread.
  if (data.typescript) {
    (await import('tsx/esm/api')).register();
    (await import('tsx/cjs/api')).register();
  }
  const ns = /** @type {Record<string, unknown>} */ (await import(data.url));
  let d = /** @type {Record<string, unknown> | undefined} */ (ns.default);
  // CommonJS compiled from `export default {...}` arrives as module.exports.default.
  const inner = /** @type {Record<string, unknown> | undefined} */ (d && typeof d === 'object' ? d.default : undefined);
  if (d && typeof d.recommend !== 'function' && inner && typeof inner === 'object' && typeof inner.recommend === 'function') d = inner;
  // The same choice as recommenderModuleOf: `default` when it carries recommend, else the namespace.
  src = d && typeof d === 'object' && typeof d.recommend === 'function' ? d : ns;
  post({ kind: 'loaded', shape: { recommend: typeof src.recommend, reset: typeof src.reset, fit: typeof src.fit, name: typeof src.name, nameValue: typeof src.name === 'string' ? src.name : null } });
} catch (e) {
  post({ kind: 'load-failed', message: messageOf(e) });
}

port.on('message', async (/** @type {CallMessage} */ m) => {
  if (m?.kind !== 'call') return;
  const op = m.request.op;
  const fn = op === 'recommend' ? src.recommend : op === 'reset' ? src.reset : src.fit;
  let value;
  try {
    if (typeof fn !== 'function') return post({ kind: 'done', id: m.id, json: null });
    value = await fn.call(src, m.request);
  } catch (e) {
    return post({ kind: 'failed', id: m.id, failure: { why: 'threw', message: messageOf(e) } });
  }
  if (op !== 'recommend') return post({ kind: 'done', id: m.id, json: null });
  // The list length before anything walks it (no JSON of ten million ids), then the bytes.
  const items = /** @type {{ items?: unknown } | null | undefined} */ (value)?.items;
  if (Array.isArray(items) && items.length > m.maxItems) return post({ kind: 'failed', id: m.id, failure: { why: 'too-many', items: items.length } });
  let json;
  try {
    json = JSON.stringify(value ?? null) ?? 'null';
  } catch (e) {
    return post({ kind: 'failed', id: m.id, failure: { why: 'not-json', message: messageOf(e) } });
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > m.maxBytes) return post({ kind: 'failed', id: m.id, failure: { why: 'too-big', bytes } });
  post({ kind: 'done', id: m.id, json });
});
