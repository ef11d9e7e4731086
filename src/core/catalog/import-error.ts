/**
 * The one error type of every data importer (MovieLens, built-in data, stored exports):
 * it names the file, the 1-based line (when there is one) and what is wrong, so a person
 * can open the file and fix it.
 */

/** At most this many characters of an offending value are quoted in a message. */
export const MAX_QUOTED_CHARS = 200;
/** A message's detail is cut at this length (a last guard: details quote values via `quoteValue`). */
const MAX_DETAIL_CHARS = 2000;

/**
 * An offending value as it appears in a message: JSON-quoted (so control characters and
 * quotes are visible), at most `max` characters, with the full length said when cut.
 * A 50 MB line must not be echoed into an error message, a terminal or the page.
 */
export function quoteValue(value: string, max: number = MAX_QUOTED_CHARS): string {
  if (value.length <= max) return JSON.stringify(value);
  let cut = value.slice(0, max);
  // Do not leave half of a surrogate pair at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${JSON.stringify(cut)}... (${value.length.toLocaleString('en-US')} characters)`;
}

/**
 * A malformed input file. `message` reads `${file}:${line}: ${detail}` (or
 * `${file}: ${detail}` when the problem is not tied to a line, e.g. a missing file).
 *
 * Importers throw it before returning anything: an import is all-or-nothing.
 */
export class ImportError extends Error {
  public readonly detail: string;
  /**
   * @param file   base name of the offending file, e.g. "ratings.csv"
   * @param line   1-based line number in that file, or null when no line applies
   * @param detail what is wrong, in plain words (cut at 2,000 characters)
   */
  constructor(
    public readonly file: string,
    public readonly line: number | null,
    detail: string,
  ) {
    const d = detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS)}... (message cut)` : detail;
    super(line === null ? `${file}: ${d}` : `${file}:${line}: ${d}`);
    this.detail = d;
    this.name = 'ImportError';
  }
}
