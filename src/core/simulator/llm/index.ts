/** The LLM user simulator: public entry points. */
export { createLlmSimulator, type LlmSimulatorOptions, type LlmUserSimulator } from './llm-simulator';
export { DEFAULT_TEMPLATES, ITEM_VARIABLES, SYSTEM_VARIABLES, renderTemplate, unknownPlaceholders, type PromptTemplates } from './templates';
export { compressedMemoryText, fullHistoryText, type SeenItem } from './memory-text';
export { itemMessage, systemMessage, mindsetText } from './prompt';
export { initialMindset } from './mindset-update';
export { isLlmSimulator, llmSessionMeta } from './session-meta';
