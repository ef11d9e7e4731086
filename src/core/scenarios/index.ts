/** Scenario presets for teaching (see docs/teaching.md). */
export * from './scenarios';
