/**
 * Batch worker entry: serves the batch API (protocol.ts) with `runBatchRequest`; nothing
 * else lives here. Cancel stops the batch after the current user (the outcome says
 * `stopped` and holds what finished).
 */
import type { BatchApi } from './protocol';
import { runBatchRequest } from './batch-run';
import { serve, type Endpoint } from './rpc';

serve<BatchApi>(self as unknown as Endpoint, {
  run: (request, { signal, progress }) => runBatchRequest(request, { signal, onProgress: progress }),
});
