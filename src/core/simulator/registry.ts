/**
 * Simulators under short stable names (URLs and stored runs keep them). The rule-based
 * simulator is registered here; others (the LLM simulator, human mode) register themselves
 * with `simulators.register(...)` from their own modules.
 */
import { Registry } from '../registry';
import type { UserSimulator } from './simulator';
import { createRuleBasedSimulator, type RuleBasedOptions } from './rule-based';

/** A simulator factory: options are plain data (from URLs, the CLI or the UI). */
export type SimulatorFactory = (options?: Record<string, unknown>) => UserSimulator;

export const simulators = new Registry<SimulatorFactory>('simulator');

simulators.register({
  name: 'rule-based',
  label: 'Rule-based (fast, seeded)',
  description:
    'A seeded rule-based user: evolving interests, fatigue, satisfaction, time budget, context and memory; reflects and instructs when dissatisfied.',
  create: (options?: Record<string, unknown>) => {
    const o: RuleBasedOptions = {};
    if (options?.snapshots === 'scalars' || options?.snapshots === 'full') o.snapshots = options.snapshots;
    if (options?.params && typeof options.params === 'object') o.params = options.params as RuleBasedOptions['params'];
    return createRuleBasedSimulator(o);
  },
});
