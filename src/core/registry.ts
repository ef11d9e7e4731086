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
