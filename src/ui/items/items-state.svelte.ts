/**
 * State of the Items view: the catalog's item vectors (offline, Transformers.js or an
 * imported file), their IndexedDB cache, and the semantic IDs fitted on them. Heavy work
 * runs off the page (the Transformers.js worker) or in short, awaited steps (the offline
 * fit in chunks with progress and Cancel: seconds on a large MovieLens catalog).
 */
import { folderCredentialsMessage, hasCredentials } from '../../llm/redact';
import type { ItemVectors } from '../../core/embed/vectors';
import type { SemanticIds } from '../../core/embed/semantic-ids';
import type { Catalog } from '../../core/types';
import type { TjsProgress } from '../../llm/transformers/progress';
import { DEFAULT_EMBED_MODEL } from '../../llm/transformers/models';
import { vectorCacheKey } from '../../core/embed/content-key';
import type { ChunkedOptions } from '../../core/embed/steps';

export type VectorSource = 'offline' | 'transformers' | 'import';

/** A cached row, as listed. */
export interface CachedVectors {
  model: string;
  dim: number;
  items: number;
  updatedAt: number;
}

const yieldToPaint = () => new Promise((r) => setTimeout(r, 0));

/** The widest vectors a file is sized for (embedding models stop well below). */
export const MAX_IMPORT_DIM = 4096;

/**
 * The largest vector file a catalog of `items` items can need: float64 `.npy` values, or
 * CSV at about 26 characters a value plus the id, for MAX_IMPORT_DIM dimensions, and a
 * header. A larger file cannot be vectors of this catalog and is refused before it is read.
 */
export function maxVectorFileBytes(items: number, csv: boolean): number {
  return 65_536 + items * (csv ? MAX_IMPORT_DIM * 26 + 256 : MAX_IMPORT_DIM * 8);
}

export class ItemsState {
  source = $state<VectorSource>('offline');
  model = $state(DEFAULT_EMBED_MODEL);
  /** Self-hosted model folder URL (hub layout); '' = the Hugging Face hub. */
  modelBase = $state('');
  device = $state<'auto' | 'wasm' | 'webgpu'>('auto');
  /** '' = the default for the device (q8 on WASM, q4f16 on WebGPU). */
  dtype = $state('');
  seed = $state(42);

  vectors = $state.raw<ItemVectors | null>(null);
  sid = $state.raw<SemanticIds | null>(null);
  busy = $state(false);
  /** 0..1 while working; null when idle. */
  fraction = $state<number | null>(null);
  progressText = $state('');
  error = $state<string | null>(null);
  note = $state<string | null>(null);
  cached = $state.raw<CachedVectors[]>([]);
  /** Vectors cached for other versions of this catalog (another content hash, or the old bare-id key): unused here. */
  otherVersions = $state.raw<{ rows: number; bytes: number }>({ rows: 0, bytes: 0 });
  modelCache = $state<string | null>(null);
  selected = $state<string | null>(null);

  /** `yieldEveryMs`: how much of the offline fit runs between turns of the event loop (default 30 ms). */
  constructor(private readonly opts: { yieldEveryMs?: number } = {}) {}

  private abort: AbortController | null = null;
  private worker: import('../../llm/transformers/client').TjsWorker | null = null;

  /** The model name vectors are stored under for the current source. */
  modelKey(): string {
    return this.source === 'offline' ? 'offline' : this.model.trim();
  }

  private async db() {
    const { openDb } = await import('../../storage/open');
    return openDb();
  }

  /** Refresh the list of cached vectors for the catalog (quietly empty when storage is unavailable). */
  async refreshCache(catalog: Catalog): Promise<void> {
    try {
      const { listItemVectors, listOtherVersions } = await import('../../storage/item-vectors');
      const db = await this.db();
      this.cached = await listItemVectors(db, vectorCacheKey(catalog));
      this.otherVersions = await listOtherVersions(db, catalog.id, vectorCacheKey(catalog));
    } catch (e) {
      this.cached = [];
      this.otherVersions = { rows: 0, bytes: 0 };
      this.note = `Cached vectors are unavailable: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (this.source === 'transformers') {
      const { tjsCacheStatus } = await import('../../llm/transformers/cache');
      const s = await tjsCacheStatus(this.model.trim()).catch(() => null);
      this.modelCache = !s ? null : !s.available ? 'browser cache unavailable' : s.files ? `${s.files} model files in the browser cache (${(s.bytes / 1e6).toFixed(1)} MB)` : 'not in the browser cache yet';
    } else this.modelCache = null;
  }

  private start(text: string): AbortSignal {
    this.busy = true;
    this.error = null;
    this.note = null;
    this.fraction = 0;
    this.progressText = text;
    this.abort = new AbortController();
    return this.abort.signal;
  }

  private finish(): void {
    this.busy = false;
    this.fraction = null;
    this.abort = null;
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** Use cached vectors when present, else compute them from the chosen source. */
  async compute(catalog: Catalog, force = false): Promise<void> {
    // One piece of work at a time: a second one's end cleared busy (Cancel off, Compute on) while the first ran on.
    if (this.busy) return;
    const signal = this.start('Starting…');
    // The source when Compute was pressed: a radio switched meanwhile (they stay enabled) made
    // an offline compute load a Transformers.js model under the offline key.
    const source = this.source;
    try {
      const key = this.modelKey();
      if (!key) throw new Error('Enter a model id');
      const [{ loadItemVectors, saveItemVectors }, { rowsMatch }] = await Promise.all([import('../../storage/item-vectors'), import('../../core/embed/vectors')]);
      const db = await this.db().catch(() => null);
      // Cached under the catalog's content, not its id alone: a catalog re-imported with the
      // same ids but other texts got the old vectors back.
      const cacheId = vectorCacheKey(catalog);
      const hit = !force && db ? await loadItemVectors(db, cacheId, key).catch(() => null) : null;
      // The same ids in the same order: a catalog re-imported under the same id with other
      // movies (same count) got the old vectors, each row read as another item's.
      if (hit && rowsMatch(hit, catalog.items.map((i) => i.id))) {
        this.vectors = { ...hit, catalogId: catalog.id };
        this.note = `Loaded ${hit.ids.length} × ${hit.dim} vectors of "${key}" from IndexedDB.`;
      } else {
        this.vectors = source === 'offline' ? await this.offline(catalog, signal) : await this.transformers(catalog, signal);
        if (db) await saveItemVectors(db, { ...this.vectors, catalogId: cacheId }).catch((e) => (this.note = `Vectors computed but not cached: ${e instanceof Error ? e.message : String(e)}`));
      }
      await this.fitSid(catalog, signal);
      await this.refreshCache(catalog);
    } catch (e) {
      this.error = (e as Error)?.name === 'AbortError' ? 'Stopped.' : e instanceof Error ? e.message : String(e);
    } finally {
      this.finish();
    }
  }

  /**
   * How a chunked fit runs on the page: progress said as "`text`: N%", a turn of the event
   * loop once `yieldEveryMs` of work has passed (the page paints and reads Cancel), the signal
   * checked between chunks.
   */
  private paced(text: string, signal: AbortSignal): ChunkedOptions {
    const every = this.opts.yieldEveryMs ?? 30;
    let last = performance.now();
    return {
      signal,
      onProgress: (f) => {
        this.fraction = f;
        this.progressText = `${text}: ${Math.round(100 * f)}%`;
      },
      pause: () => {
        if (performance.now() - last < every) return;
        return yieldToPaint().then(() => void (last = performance.now()));
      },
    };
  }

  /**
   * The offline fit on the page, in chunks: a turn of the event loop every `yieldEveryMs` of
   * work, so the page paints its progress and reads Cancel (on a large MovieLens catalog the
   * fit held the page for seconds in one piece: frozen, no progress, Cancel unheard).
   */
  private async offline(catalog: Catalog, signal: AbortSignal): Promise<ItemVectors> {
    const text = `Fitting TF-IDF + SVD (64 dimensions) on ${catalog.items.length.toLocaleString('en-US')} items`;
    this.progressText = `${text}…`;
    await yieldToPaint();
    const [{ fitOfflineEmbeddingChunked }, { createRng }] = await Promise.all([import('../../core/embed/offline'), import('../../core/rng')]);
    const fit = await fitOfflineEmbeddingChunked(catalog, createRng(this.seed), this.paced(text, signal));
    return fit.vectors;
  }

  private async transformers(catalog: Catalog, signal: AbortSignal): Promise<ItemVectors> {
    const [{ TjsWorker }, { itemText }, { normalizeRows }] = await Promise.all([
      import('../../llm/transformers/client'),
      import('../../core/embed/item-text'),
      import('../../core/embed/vectors'),
    ]);
    const model = this.model.trim();
    const base = this.modelBase.trim();
    if (hasCredentials(base)) throw new Error(folderCredentialsMessage(base));
    this.worker ??= new TjsWorker();
    const info = await this.worker.loadEmbedder({
      model,
      modelBase: this.modelBase.trim() || null,
      device: this.device,
      dtype: this.dtype.trim() || undefined,
      signal,
      onProgress: (p: TjsProgress) => {
        this.fraction = p.fraction * 0.5;
        this.progressText = p.phase === 'ready' ? `${model} loaded` : `Loading ${model}: ${p.file || '…'} ${(p.fraction * 100).toFixed(0)}% (${p.mbDone.toFixed(1)} of ${p.mbTotal.toFixed(1)} MB)`;
      },
    });
    const topics = new Map(catalog.topics.map((t) => [t.id, t]));
    const { dim, data } = await this.worker.embed(catalog.items.map((it) => itemText(it, topics)), {
      signal,
      onProgress: (d, n) => {
        this.fraction = 0.5 + (0.5 * d) / n;
        this.progressText = `Embedding items on ${info.device} (${info.dtype}): ${d} / ${n}`;
      },
    });
    return { catalogId: catalog.id, model, dim, ids: catalog.items.map((i) => i.id), data: normalizeRows(data, dim) };
  }

  /** Import vectors from a .npy (rows in catalog order) or .csv (id,v0,...) file. */
  async importFile(catalog: Catalog, file: File): Promise<void> {
    if (this.busy) return;
    const signal = this.start(`Reading ${file.name}…`);
    try {
      // By its size first: a video picked by mistake was read whole into memory (a string, for CSV) before any check.
      const csv = !/\.npy$/i.test(file.name);
      const max = maxVectorFileBytes(catalog.items.length, csv);
      if (file.size > max) {
        throw new Error(`the file is ${(file.size / 1e6).toFixed(1)} MB; vectors of this catalog's ${catalog.items.length} items (up to ${MAX_IMPORT_DIM} dimensions) take at most ${(max / 1e6).toFixed(1)} MB`);
      }
      const { parseNpy, parseVectorCsv } = await import('../../core/embed/import-vectors');
      const meta = { catalogId: catalog.id, model: `import:${file.name}` };
      const ids = catalog.items.map((i) => i.id);
      const v = /\.npy$/i.test(file.name)
        ? parseNpy(new Uint8Array(await file.arrayBuffer()), ids, meta)
        : parseVectorCsv(await file.text(), meta, new Set(ids));
      const { alignToCatalog } = await import('../../core/embed/vectors');
      this.vectors = alignToCatalog(v, ids);
      const { saveItemVectors } = await import('../../storage/item-vectors');
      const vectors = this.vectors;
      await this.db()
        .then((db) => saveItemVectors(db, { ...vectors, catalogId: vectorCacheKey(catalog) }))
        .catch((e) => (this.note = `Vectors imported but not cached: ${e instanceof Error ? e.message : String(e)}`));
      await this.fitSid(catalog, signal);
      await this.refreshCache(catalog);
    } catch (e) {
      this.error = (e as Error)?.name === 'AbortError' ? 'Stopped.' : `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.finish();
    }
  }

  /** Delete one model's cached vectors. */
  async forget(catalog: Catalog, model: string): Promise<void> {
    // A failure was an unhandled rejection from the link's click: nothing said, the row still listed.
    try {
      const { deleteItemVectors } = await import('../../storage/item-vectors');
      await deleteItemVectors(await this.db(), vectorCacheKey(catalog), model);
      if (this.error?.startsWith('Could not delete the cached vectors')) this.error = null;
    } catch (e) {
      this.error = `Could not delete the cached vectors of "${model}": ${e instanceof Error ? e.message : String(e)}`;
    }
    await this.refreshCache(catalog);
  }

  /** Delete the vectors cached for other versions of this catalog (kept until asked: switching back would recompute them). */
  async forgetOtherVersions(catalog: Catalog): Promise<void> {
    try {
      const { deleteOtherVersions } = await import('../../storage/item-vectors');
      const n = await deleteOtherVersions(await this.db(), catalog.id, vectorCacheKey(catalog));
      this.note = `Deleted ${n} cached vector set${n === 1 ? '' : 's'} of other versions of this catalog.`;
    } catch (e) {
      this.error = `Could not delete the other versions' vectors: ${e instanceof Error ? e.message : String(e)}`;
    }
    await this.refreshCache(catalog);
  }

  /**
   * The semantic IDs of the vectors, fitted on the page in chunks as the offline embedding is
   * (it ran in one piece after the vectors: a large MovieLens catalog froze the page, no
   * progress, Cancel unheard). Same codes as the one-go fit. Cancelled, the vectors stay.
   */
  private async fitSid(catalog: Catalog, signal: AbortSignal): Promise<void> {
    if (!this.vectors) return;
    this.sid = null;
    this.selected = null;
    const text = `Fitting semantic IDs (RQ-KMeans) on ${this.vectors.ids.length.toLocaleString('en-US')} items`;
    this.fraction = 0;
    this.progressText = `${text}…`;
    await yieldToPaint();
    const [{ fitSemanticIdsChunked }, { createRng }] = await Promise.all([import('../../core/embed/semantic-ids'), import('../../core/rng')]);
    this.sid = await fitSemanticIdsChunked(this.vectors, catalog.items, createRng(this.seed).fork('sid'), this.paced(text, signal));
    this.selected = null;
  }

  /**
   * The view now shows `catalog`: vectors (and their semantic IDs) of another catalog are
   * dropped. A MovieLens folder dropped on the Items view switched the catalog under them:
   * they were shown as the new catalog's, the inspector naming its items by position.
   */
  forCatalog(catalog: Catalog): void {
    if (!this.vectors || this.vectors.catalogId === catalog.id) return;
    this.vectors = null;
    this.sid = null;
    this.selected = null;
    this.note = null;
  }

  dispose(): void {
    this.abort?.abort();
    this.worker?.close();
    this.worker = null;
  }
}
