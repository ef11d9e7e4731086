/**
 * Batch worker entry: wires the message protocol to `runBatchRequest` (nothing else
 * lives here). One batch at a time per worker; `cancel` stops it after the current user.
 */
import type { FromWorker, ToWorker } from './protocol';
import { runBatchRequest } from './batch-run';

const signals = new Map<number, { aborted: boolean }>();
const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'cancel') {
    const s = signals.get(msg.id);
    if (s) s.aborted = true;
    return;
  }
  const signal = { aborted: false };
  signals.set(msg.id, signal);
  try {
    const outcome = await runBatchRequest(msg.request, { signal, onProgress: (progress) => post({ type: 'progress', id: msg.id, progress }) });
    post({ type: 'result', id: msg.id, outcome });
  } catch (e) {
    post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    signals.delete(msg.id);
  }
};
