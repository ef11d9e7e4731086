/**
 * For jsdom tests where the LLM panel gets a ready engine: the panel then builds the LLM
 * simulator, which imports the simulator registry lazily (a large module graph). A test that
 * ends first leaves that import running when its file's environment is torn down, and Vitest
 * fails the whole run on "Cannot load ... after the environment was torn down". Loading the
 * modules up front (in `beforeAll`) makes the panel's import resolve from the module cache.
 */
export async function preloadLlmSimulator(): Promise<void> {
  await Promise.all([import('../../src/core/simulator/registry'), import('../../src/core/simulator/llm/representation-for')]);
}
