/** Fidelity worker entry: serves the fidelity API (fidelity-protocol.ts). */
import type { FidelityApi } from './fidelity-protocol';
import { fitModelParts, runFidelityRequest } from './fidelity-run';
import { serve, type Endpoint } from './rpc';

serve<FidelityApi>(self as unknown as Endpoint, {
  run: (request, { signal, progress }) => runFidelityRequest(request, { signal, onProgress: progress }),
  fit: (request) => fitModelParts(request),
});
