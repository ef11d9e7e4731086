/** Transformers.js in the app: a worker for chat and embeddings, loaded lazily. */
export { TjsWorker, pickDevice, TJS_DEADLINES, type TjsLoadOptions } from './client';
export { TransformersChatEngine, type GenerateBackend } from './chat-engine';
export { TJS_CHAT_MODELS, DEFAULT_EMBED_MODEL, defaultDtype, type TjsDevice } from './models';
export { tjsCacheStatus, deleteTjsCache } from './cache';
export type { TjsProgress } from './progress';
