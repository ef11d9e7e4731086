/**
 * Leaderboard worker entry: serves the leaderboard API (leaderboard-protocol.ts) with
 * `runLeaderboardRequest` and `runJudgeRequest`. Cancel stops a run at the next stage
 * boundary; the client also terminates the worker on cancel so a long stage does not
 * keep the CPU busy.
 */
import type { LeaderboardApi } from './leaderboard-protocol';
import { runJudgeRequest, runLeaderboardRequest } from './leaderboard-run';
import { serve, type Endpoint } from './rpc';
import { setHttpEndpointFactory } from '../core/recommenders/remote/external';
import { fetchEndpoint } from '../remote/fetch-endpoint';

// HTTP recommenders (a user's `http://...` name) are reached with fetch here, as on the page.
setHttpEndpointFactory((url) => fetchEndpoint(url));

serve<LeaderboardApi>(self as unknown as Endpoint, {
  run: (request, { signal, progress }) => runLeaderboardRequest(request, { signal, onProgress: progress }),
  judge: (request, { signal, progress }) =>
    runJudgeRequest(request, { signal, onProgress: (done, total, recommender) => progress({ done, total, recommender }) }),
});
