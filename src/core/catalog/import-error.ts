/**
 * The one error type of every data importer (MovieLens, built-in data, stored exports):
 * it names the file, the 1-based line (when there is one) and what is wrong, so a person
 * can open the file and fix it.
 */

/**
 * A malformed input file. `message` reads `${file}:${line}: ${detail}` (or
 * `${file}: ${detail}` when the problem is not tied to a line, e.g. a missing file).
 *
 * Importers throw it before returning anything: an import is all-or-nothing.
 */
export class ImportError extends Error {
  /**
   * @param file   base name of the offending file, e.g. "ratings.csv"
   * @param line   1-based line number in that file, or null when no line applies
   * @param detail what is wrong, in plain words
   */
  constructor(
    public readonly file: string,
    public readonly line: number | null,
    public readonly detail: string,
  ) {
    super(line === null ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = 'ImportError';
  }
}
