/** Creator worker entry: serves the creator API (creator-protocol.ts) with `runReplicatesRequest`. */
import type { CreatorApi } from './creator-protocol';
import { runReplicatesRequest } from './creator-run';
import { serve, type Endpoint } from './rpc';

serve<CreatorApi>(self as unknown as Endpoint, {
  replicates: (req, { signal, progress }) => runReplicatesRequest(req, { signal, onProgress: progress }),
});
