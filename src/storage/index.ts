/**
 * Storage public API: the database, the session recorder, history queries and
 * export/import. See docs/storage.md.
 */
export * from './db';
export * from './errors';
export * from './open';
export * from './recorder';
export * from './queries';
export * from './export';
export { stripSecrets, isSecretKey } from './secrets';
