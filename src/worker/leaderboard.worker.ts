/**
 * Leaderboard worker entry: wires the message protocol to `runLeaderboardRequest`.
 * `cancel` stops the run at the next stage boundary; the client also terminates the
 * worker on cancel so a long stage does not keep the CPU busy.
 */
import type { FromLeaderboardWorker, ToLeaderboardWorker } from './leaderboard-protocol';
import { runJudgeRequest, runLeaderboardRequest } from './leaderboard-run';

const signals = new Map<number, { aborted: boolean }>();
const post = (m: FromLeaderboardWorker) => (self as unknown as { postMessage(m: FromLeaderboardWorker): void }).postMessage(m);

self.onmessage = async (ev: MessageEvent<ToLeaderboardWorker>) => {
  const msg = ev.data;
  if (msg.type === 'cancel') {
    const s = signals.get(msg.id);
    if (s) s.aborted = true;
    return;
  }
  const signal = { aborted: false };
  signals.set(msg.id, signal);
  const t0 = performance.now();
  try {
    if (msg.type === 'judge') {
      const outcome = await runJudgeRequest(msg.request, { signal, onProgress: (done, total, recommender) => post({ type: 'judge-progress', id: msg.id, done, total, recommender }) });
      post({ type: 'judged', id: msg.id, outcome });
    } else {
      const result = await runLeaderboardRequest(msg.request, { signal, onProgress: (progress) => post({ type: 'progress', id: msg.id, progress }) });
      post({ type: 'result', id: msg.id, result, elapsedMs: performance.now() - t0 });
    }
  } catch (e) {
    post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e), cancelled: signal.aborted });
  } finally {
    signals.delete(msg.id);
  }
};
