/**
 * API keys and other secrets never reach the database or an export file. Settings are
 * free-form (they mirror the share URL plus LLM endpoint options), so keys are removed
 * by name, recursively.
 */

/** Exact property names treated as secrets (lower-case, '-', '_' and spaces removed). */
const EXACT = new Set(['key', 'token', 'accesstoken', 'authtoken', 'bearertoken', 'bearer', 'authorization', 'auth']);

/**
 * True when a property of this name must not be stored or exported: "apiKey",
 * "api_key", "openaiApiKey", "token", "clientSecret", "password", "Authorization".
 * Counters such as `promptTokens` are not secrets and are kept.
 */
export function isSecretKey(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_\s]/g, '');
  return EXACT.has(n) || n.endsWith('apikey') || n.endsWith('secret') || n.endsWith('password');
}

/** A deep copy of `value` without secret-named properties. */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!isSecretKey(k)) out[k] = stripSecrets(v);
    }
    return out;
  }
  return value;
}
