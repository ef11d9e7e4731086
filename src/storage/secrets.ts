/**
 * API keys and other secrets never reach the database or an export file. Settings are
 * free-form (they mirror the share URL plus LLM endpoint options) and LLM call metadata
 * can ride along in decisions and trajectories, so keys are removed by name, recursively,
 * everywhere a record is stored, exported or imported.
 */

/** Names (lower-case, '-', '_', '.' and spaces removed) that are secrets on their own. */
const EXACT = new Set([
  'key', 'token', 'secret', 'password', 'passwd', 'pwd', 'passphrase', 'auth', 'authorization', 'bearer', 'bearertoken',
  'credential', 'credentials', 'cookie', 'setcookie', 'proxyauthorization', 'xapikey',
]);

/** Endings that make a name a secret: `openaiApiKey`, `secretKey`, `refresh_token`, `dbPasswd`. */
const SUFFIXES = [
  'apikey', 'secretkey', 'accesskey', 'privatekey', 'signingkey', 'encryptionkey', 'clientkey', 'sessionkey',
  'token', 'secret', 'password', 'passwd', 'passphrase', 'credential', 'credentials', 'authorization',
];
/** Names containing these anywhere are secrets (`accessKeyId`, `passwordHash`, `privateKeyPem`, `credentialsFile`). */
const INFIXES = ['apikey', 'secretkey', 'accesskey', 'privatekey', 'password', 'passwd', 'credential'];
/** Counters and limits that end in "token" but hold no secret (`maxToken`, `numToken`). */
const TOKEN_COUNTERS = /^(max|min|num|n|total|count|prompt|completion|input|output|reasoning|cached|per|first|last)token$/;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/**
 * True when a property of this name must not be stored or exported, whatever its case or
 * separators: "apiKey", "api_key", "openaiApiKey", "token", "refresh_token", "sessionToken",
 * "secretKey", "accessKey", "privateKey", "clientSecret", "password", "passwd",
 * "credentials", "Authorization". Counters such as `promptTokens` or `maxTokens` are kept.
 */
export function isSecretKey(name: string): boolean {
  const n = normalise(name);
  if (EXACT.has(n)) return true;
  if (INFIXES.some((s) => n.includes(s))) return true;
  if (n.endsWith('token') && TOKEN_COUNTERS.test(n)) return false;
  return SUFFIXES.some((s) => n.endsWith(s));
}

/**
 * Properties whose own keys are data, not field names (topic ids in `interests`, action
 * names in `actions`): their keys are never filtered (a topic called "password" stays), but
 * their values still are.
 */
const DATA_MAPS = new Set(['interests', 'fatigue', 'actions', 'weights', 'topicShares']);

/**
 * A deep copy of `value` without secret-named properties (at any depth, in arrays too), and
 * without `__proto__` keys (assigning one would swap the copy's prototype). Recursive:
 * imports bound a record's depth before this runs (MAX_RECORD_DEPTH in export-format.ts).
 */
export function stripSecrets(value: unknown): unknown {
  return strip(value, false);
}

function strip(value: unknown, dataKeys: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, false));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === '__proto__' || (!dataKeys && isSecretKey(k))) continue;
      out[k] = strip(v, !dataKeys && DATA_MAPS.has(k));
    }
    return out;
  }
  return value;
}
