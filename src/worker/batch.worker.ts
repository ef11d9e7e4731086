/**
 * Batch worker entry: serves the batch API (protocol.ts) with `runBatchRequest`; nothing
 * else lives here. Cancel stops the batch after the current user (the outcome says
 * `stopped` and holds what finished).
 */
import type { BatchApi } from './protocol';
import { runBatchRequest } from './batch-run';
import { serve, type Endpoint } from './rpc';
import { setHttpEndpointFactory } from '../core/recommenders/remote/external';
import { fetchEndpoint } from '../remote/fetch-endpoint';

// HTTP recommenders (a user's `http://...` name) are reached with fetch here, as on the page.
setHttpEndpointFactory((url) => fetchEndpoint(url));

serve<BatchApi>(self as unknown as Endpoint, {
  run: (request, { signal, progress }) => runBatchRequest(request, { signal, onProgress: progress }),
});
