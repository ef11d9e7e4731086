/** The API of the module-host worker (module-host.worker.ts). */
import type { ApiRequest } from '../../core/recommenders/remote/protocol';
import type { Method } from '../../worker/rpc';

export type ModuleHostApi = {
  load: Method<{ source: string; file: string }, { name: string | null }>;
  call: Method<{ request: ApiRequest }, unknown>;
};
