/**
 * Keeping secrets and terminal escapes out of what the app and the CLI show: a base URL
 * with a user name or password is refused (the key belongs in the API key field or an
 * environment variable, never in a URL that ends up in JSON output, logs or share links),
 * URLs are redacted before they are echoed, and text that came from a server or a file is
 * stripped of control characters before it reaches a terminal.
 */

/** Query parameters whose values are secrets. */
const SECRET_PARAM = /key|token|secret|password|passwd|pwd|auth|signature|sig$/i;

/** The URL with any user name, password and secret-looking query values replaced by "***". */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    // Not a URL: still hide anything shaped like "user:pass@".
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
  if (u.username || u.password) {
    u.username = '***';
    u.password = '';
  }
  for (const k of [...u.searchParams.keys()]) if (SECRET_PARAM.test(k)) u.searchParams.set(k, '***');
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

/** True when the URL carries a user name or password (`https://user:pass@host`). */
export function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url.trim());
    return Boolean(u.username || u.password);
  } catch {
    return /\/\/[^/@\s]*@/.test(url);
  }
}

/** The message for a refused URL with credentials (it names the URL only redacted). */
export function credentialsMessage(url: string): string {
  return `The URL ${redactUrl(url)} carries a user name or password. It was not used: put the key in the API key field (CLI: --llm-key-env VAR), so that it never appears in URLs, output or logs.`;
}

/**
 * A self-hosted model folder's URL with a user name or password: not fetched (a browser
 * refuses such a URL, and the password would come back in error lines), said redacted.
 */
export function folderCredentialsMessage(url: string): string {
  return `The model folder URL ${redactUrl(url)} carries a user name or password. It was not used (nothing was fetched): serve the folder without one, on this machine or behind your own proxy.`;
}

// ANSI escape sequences (CSI, OSC, and two-character ESC sequences), then any other
// control character except tab and newline, C1 controls, and the bidi overrides that can
// make a terminal show text in a different order than it is.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: escape sequences and control characters removed (tab and newline kept). */
export function stripControlChars(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/** One line of server text for an error message: control characters removed, whitespace collapsed, at most `max` characters. */
export function serverSnippet(text: string, max = 200): string {
  const s = stripControlChars(text).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}
