/**
 * What Transformers.js has cached in the browser (Cache Storage, cache "transformers-cache"),
 * per model: files and bytes; and deleting a model's files.
 */

/** Cache Storage name Transformers.js uses in browsers. */
export const TJS_CACHE_NAME = 'transformers-cache';

export interface TjsCacheStatus {
  available: boolean;
  files: number;
  bytes: number;
}

interface CacheStorageLike {
  open(name: string): Promise<{ keys(): Promise<readonly { url: string }[]>; match(r: { url: string }): Promise<{ headers: { get(n: string): string | null } } | undefined>; delete(r: { url: string }): Promise<boolean> }>;
}

function storage(): CacheStorageLike | null {
  return typeof caches === 'undefined' ? null : (caches as unknown as CacheStorageLike);
}

/** Files of `model` in the cache (URLs containing `/<model>/`). */
export async function tjsCacheStatus(model: string, cs: CacheStorageLike | null = storage()): Promise<TjsCacheStatus> {
  if (!cs) return { available: false, files: 0, bytes: 0 };
  const cache = await cs.open(TJS_CACHE_NAME);
  let files = 0;
  let bytes = 0;
  for (const req of await cache.keys()) {
    if (!req.url.includes(`/${model}/`)) continue;
    files++;
    const res = await cache.match(req);
    bytes += Number(res?.headers.get('content-length') ?? 0) || 0;
  }
  return { available: true, files, bytes };
}

/** Delete the cached files of `model`; returns how many were removed. */
export async function deleteTjsCache(model: string, cs: CacheStorageLike | null = storage()): Promise<number> {
  if (!cs) return 0;
  const cache = await cs.open(TJS_CACHE_NAME);
  let n = 0;
  for (const req of await cache.keys()) if (req.url.includes(`/${model}/`) && (await cache.delete(req))) n++;
  return n;
}
