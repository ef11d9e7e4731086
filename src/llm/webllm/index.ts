/** WebLLM engine: load entry points (import this module dynamically). */
export { loadWebLlmModel, isModelCached, deleteCachedModel, type LoadOptions, type LoadedModel } from './load';
export { modelCatalogue, modelsForAdapter, fitsAdapter, sizeWarning, appConfigFor, estimateDownloadMB, type ModelOption } from './catalogue';
export { detectWebGpu, type GpuReport } from './webgpu';
export { parseProgress, type LoadProgress } from './progress';
export { ModelLoadError, explainLoadError, type LoadErrorKind } from './load-errors';
export { WebLlmEngine } from './webllm-engine';
