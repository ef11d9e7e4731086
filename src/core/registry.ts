/**
 * A small registry of plug-ins under short stable names. Names are what URLs, stored
 * runs and the CLI keep, so they never change once published.
 */
export interface RegistryEntry<F> {
  /** Short stable name, kebab-case (e.g. "item-knn"). */
  name: string;
  /** Human label for menus. */
  label: string;
  /** One sentence for tooltips and the README. */
  description: string;
  create: F;
  /**
   * The plug-in's parameters (what `create(options)` reads): declared here so the settings
   * panel, the URL (`rp=`) and the CLI (`--rec-param k=v`) can offer and check them.
   */
  params?: readonly ParamSpec[];
}

/** One numeric parameter of a plug-in. */
export interface ParamSpec {
  /** Key in the options object (stable: links and stored runs keep it). */
  name: string;
  label: string;
  /** One sentence for tooltips and `--help`. */
  help: string;
  /** 'integer' values must be whole numbers. */
  type: 'number' | 'integer';
  min: number;
  max: number;
  default: number;
}

/**
 * Check plug-in parameters against their declared schema: every key must be declared,
 * every value a finite number (or numeric text) in range. Returns the values as numbers;
 * throws an Error naming the plug-in, the parameter and the allowed range otherwise.
 */
export function checkParams(kind: string, entry: Pick<RegistryEntry<unknown>, 'name' | 'params'>, raw: Record<string, unknown> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const specs = entry.params ?? [];
  for (const [key, value] of Object.entries(raw ?? {})) {
    const spec = specs.find((p) => p.name === key);
    if (!spec) {
      const known = specs.length ? `Known: ${specs.map((p) => p.name).join(', ')}` : 'It takes no parameters';
      throw new Error(`${kind} "${entry.name}" has no parameter "${key.slice(0, 64)}". ${known}`);
    }
    const v = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${kind} "${entry.name}" parameter ${key} must be a number, got ${JSON.stringify(value)?.slice(0, 40)}`);
    if (spec.type === 'integer' && !Number.isInteger(v)) throw new Error(`${kind} "${entry.name}" parameter ${key} must be a whole number, got ${v}`);
    if (v < spec.min || v > spec.max) throw new Error(`${kind} "${entry.name}" parameter ${key} must be between ${spec.min} and ${spec.max}, got ${v}`);
    out[key] = v;
  }
  return out;
}

export class Registry<F> {
  private readonly entries = new Map<string, RegistryEntry<F>>();

  constructor(private readonly kind: string) {}

  register(entry: RegistryEntry<F>): this {
    if (this.entries.has(entry.name)) throw new Error(`${this.kind} "${entry.name}" is already registered`);
    this.entries.set(entry.name, entry);
    return this;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  get(name: string): RegistryEntry<F> {
    const e = this.entries.get(name);
    if (!e) throw new Error(`Unknown ${this.kind} "${name}". Known: ${this.names().join(', ')}`);
    return e;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  list(): RegistryEntry<F>[] {
    return [...this.entries.values()];
  }
}
