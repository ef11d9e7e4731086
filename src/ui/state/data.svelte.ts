/**
 * The data the playground runs on: the chosen catalog (built-in, an imported MovieLens
 * folder, or a JSON catalog), its index, and the users to pick from. Big objects are
 * held with `$state.raw` (replaced, never deeply proxied: catalogs have thousands of items).
 */
import { buildCatalogIndex, type CatalogIndex } from '../../core/catalog/catalog-index';
import type { RunWorld } from '../../core/run/build-run';
import type { Catalog, UserProfile } from '../../core/types';

const validators = import.meta.glob<{ parseCatalogJson: (text: string, fileName?: string) => Catalog }>('../../core/catalog/validate.ts');

/** A readable import failure (ImportError names file and line). */
export interface ImportProblem {
  message: string;
  file?: string;
  line?: number | null;
}

/** Catalog, index and users, loaded lazily. */
export class DataStore {
  catalog = $state.raw<Catalog | null>(null);
  index = $state.raw<CatalogIndex | null>(null);
  personas = $state.raw<UserProfile[]>([]);
  /** Users of an imported dataset (MovieLens). */
  importedUsers = $state.raw<UserProfile[]>([]);
  /** Catalogs the person imported in this tab, by id. */
  imported = $state.raw<Record<string, { catalog: Catalog; users: UserProfile[] }>>({});
  importProblem = $state<ImportProblem | null>(null);
  /** What the last MovieLens import read ("9,125 movies, 100,004 ratings from 671 users..."), or null. */
  importSummary = $state<string | null>(null);
  loading = $state(false);
  loadError = $state<string | null>(null);

  /** Users available for the current catalog: imported users first, then personas. */
  users = $derived<UserProfile[]>([...this.importedUsers, ...this.personas]);

  private byId = new Map<string, Catalog>();

  /** `fitModel`: fits and attaches an imported dataset's response model (default: the fidelity worker; tests pass their own). */
  constructor(private readonly fitModel?: (catalog: Catalog, users: UserProfile[]) => Promise<unknown>) {}
  /** The response-model fit of each imported catalog (settled when attached or failed). */
  private fits = new WeakMap<Catalog, Promise<void>>();
  private fitting = new WeakSet<Catalog>();

  /** Calls of `use` so far, and the latest one's catalog id and result: the last one asked for wins. */
  private loads = 0;
  private latest: { id: string; done: Promise<Catalog> } | null = null;

  /**
   * Make `id` the current catalog (built-in or imported); falls back to the default built-in.
   * The last call wins: a load that finishes after a later call (the person picked catalog A,
   * then B before A had loaded) no longer makes its catalog current; it resolves with the
   * later call's catalog when both asked for the same id, else rejects saying so.
   */
  use(id: string): Promise<Catalog> {
    const call = ++this.loads;
    const done = this.load(id, call);
    this.latest = { id, done };
    return done;
  }

  private async load(id: string, call: number): Promise<Catalog> {
    if (this.catalog?.id === id) {
      // Now the current catalog again: a load still running for another one must not end the loading it started.
      this.loading = false;
      this.loadError = null;
      return this.catalog;
    }
    this.loading = true;
    this.loadError = null;
    try {
      const builtin = await import('../../core/catalog/builtin');
      if (!this.personas.length) this.personas = await builtin.loadBuiltinPersonas();
      const imp = this.imported[id];
      let catalog = imp?.catalog ?? this.byId.get(id);
      if (!catalog) {
        const known = builtin.BUILTIN_CATALOGS.some((c) => c.id === id);
        catalog = await builtin.loadBuiltinCatalog(known ? id : undefined);
        this.byId.set(catalog.id, catalog);
      }
      if (call !== this.loads) return await this.superseded(id);
      this.setCatalog(catalog, imp?.users ?? []);
      return catalog;
    } catch (e) {
      if (call !== this.loads) return await this.superseded(id);
      this.loadError = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      if (call === this.loads) this.loading = false;
    }
  }

  /** A load a later `use` overtook: the later one's catalog when it asked for the same id, else an error that says so. */
  private async superseded(id: string): Promise<Catalog> {
    const latest = this.latest;
    if (latest && latest.id === id) return latest.done;
    throw new Error(`The catalog "${id}" was not opened: ${latest ? `"${latest.id}"` : 'another one'} was chosen while it loaded.`);
  }

  /** Import a MovieLens folder (base name -> contents). Returns the catalog id, or null on error. */
  async importMovieLens(files: Record<string, string | Uint8Array>): Promise<string | null> {
    this.importProblem = null;
    this.importSummary = null;
    this.loading = true;
    try {
      const { importMovieLens, describeImportSummary } = await import('../../core/catalog/movielens');
      const res = importMovieLens(files);
      this.importSummary = `Imported ${describeImportSummary(res.summary)}.`;
      this.imported = { ...this.imported, [res.catalog.id]: { catalog: res.catalog, users: res.users } };
      this.setCatalog(res.catalog, res.users);
      this.fitResponseModel(res.catalog, res.users);
      return res.catalog.id;
    } catch (e) {
      this.importProblem = problemOf(e);
      return null;
    } finally {
      this.loading = false;
    }
  }

  /**
   * Fit the movie response model (issue 8) for imported real users and attach it to the
   * catalog: in the fidelity worker (seconds of work off the page's thread), or in this
   * thread where there are no workers (unit tests). Same fit as every entry point
   * (core/run/dataset-world.ts). The import summary says while it fits, when it is ready or
   * why it failed; `responseModelReady` lets a run wait for it.
   */
  private fitResponseModel(catalog: Catalog, users: UserProfile[]): void {
    if (!users.some((u) => u.source === 'movielens')) return;
    const said = this.importSummary ?? '';
    this.importSummary = `${said} Fitting the response model for these users (a few seconds)…`.trim();
    const fit: Promise<unknown> = this.fitModel
      ? this.fitModel(catalog, users)
      : typeof Worker === 'undefined'
        ? import('../../core/run/dataset-world').then((m) => m.ensureResponseModel(catalog, users))
        : import('../fidelity/attach-model').then((m) => m.fitAndAttach(catalog, users));
    const done = fit.then(
      () => {
        if (this.importSummary?.startsWith(said)) this.importSummary = `${said} Response model fitted: these users' movies are judged by it.`.trim();
      },
      (e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        if (this.importSummary?.startsWith(said)) this.importSummary = `${said} The response model could not be fitted (${why}); runs on this dataset stop with this error.`.trim();
        throw new Error(`The response model of dataset "${catalog.id}" could not be fitted: ${why}`);
      },
    );
    this.fitting.add(catalog);
    done.catch(() => {}).finally(() => this.fitting.delete(catalog));
    this.fits.set(catalog, done);
  }

  /**
   * Resolves when the catalog's response model is attached (at once for catalogs without
   * one); rejects when it could not be fitted, so a run never silently uses another model.
   */
  async responseModelReady(catalog: Catalog): Promise<void> {
    await this.fits.get(catalog);
  }

  /** True while the catalog's response model is being fitted. */
  responseModelFitting(catalog: Catalog): boolean {
    return this.fitting.has(catalog);
  }

  /** The imported dataset (catalog and users) of a catalog id, for requests to a worker; undefined if not imported in this tab. */
  datasetFor(id: string): { catalog: Catalog; users: UserProfile[] } | undefined {
    const imp = this.imported[id];
    return imp && imp.users.length ? imp : undefined;
  }

  /**
   * The world `buildRun` gets for a run of `userId` on the current catalog. On an imported
   * dataset, a run of one of its users sees the dataset's users only (as the CLI, Batch and
   * the leaderboard: the same training data, so the same run); personas on it (app only)
   * see everyone.
   */
  runWorld(catalog: Catalog, userId: string): RunWorld {
    const index = this.index ?? undefined;
    const imp = this.datasetFor(catalog.id);
    if (imp && imp.catalog === catalog && imp.users.some((u) => u.id === userId)) return { catalog, index, users: imp.users };
    return { catalog, index, users: this.users, personas: this.personas };
  }

  /** Import a JSON catalog. Returns the catalog id, or null on error. */
  async importJsonCatalog(text: string, fileName = 'catalog.json'): Promise<string | null> {
    this.importProblem = null;
    try {
      // validate.ts is the data area's; found by glob so this file builds before it lands.
      const load = Object.values(validators)[0];
      if (!load) throw new Error('JSON catalogs are not supported in this build.');
      const { parseCatalogJson } = await load();
      const catalog: Catalog = parseCatalogJson(text, fileName);
      // One id, one catalog: menus and links name catalogs by id.
      const { BUILTIN_CATALOGS } = await import('../../core/catalog/builtin');
      if (BUILTIN_CATALOGS.some((b) => b.id === catalog.id)) {
        throw new Error(`${fileName}: the catalog id "${catalog.id}" is the built-in catalog's; give the file's catalog another "id"`);
      }
      this.imported = { ...this.imported, [catalog.id]: { catalog, users: [] } };
      this.setCatalog(catalog, []);
      return catalog.id;
    } catch (e) {
      this.importProblem = problemOf(e);
      return null;
    }
  }

  private setCatalog(catalog: Catalog, users: UserProfile[]): void {
    this.catalog = catalog;
    this.index = buildCatalogIndex(catalog);
    this.importedUsers = users;
  }
}

function problemOf(e: unknown): ImportProblem {
  if (e && typeof e === 'object' && 'file' in e) {
    const o = e as { file: string; line: number | null; message: string };
    return { message: o.message, file: o.file, line: o.line };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}
