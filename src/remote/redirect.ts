/**
 * A redirect answered to a request made with `redirect: 'manual'`: said, never followed.
 * Shared by the HTTP recommenders (fetch-endpoint.ts) and the OpenAI-compatible LLM
 * endpoint (src/llm/openai-engine.ts), so both test it the same way and say it in one shape:
 * "URL answered with a redirect (HTTP 307 to TARGET)", to which each adds what to do.
 */
import { redactUrl, serverSnippet } from '../llm/redact';

/**
 * True for a 3xx answer. Node shows the status and the Location header; a browser hides
 * both behind an 'opaqueredirect' response of status 0.
 */
export function isRedirect(res: Pick<Response, 'type' | 'status'>): boolean {
  return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
}

/**
 * "`where` answered with a redirect (HTTP 307 to TARGET)": the status (or that the browser
 * does not say it) and the target, resolved against `requestUrl` when relative, with any
 * user name, password or secret-looking query value redacted, control characters removed,
 * at most 200 characters. The caller adds what to do about it.
 */
export function redirectSummary(where: string, res: Pick<Response, 'status' | 'headers'>, requestUrl: string): string {
  const location = res.headers.get('location');
  let target = '';
  if (location) {
    let resolved = location;
    try {
      resolved = new URL(location, requestUrl).href;
    } catch {
      // not resolvable: shown as sent (redacted and bounded below)
    }
    target = ` to ${serverSnippet(redactUrl(resolved), 200)}`;
  }
  return `${where} answered with a redirect (${res.status ? `HTTP ${res.status}` : 'the browser does not say where'}${target})`;
}
