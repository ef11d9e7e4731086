/**
 * The creator lab's core: an experiment (post, audience, time, schedule or two variants),
 * seeded replicates of a population's week, and the fan chart, comparison and cascade
 * figures read from them. See docs/population.md.
 */
export * from './experiment';
export * from './prepare';
export * from './replicate';
export * from './summary';
export * from './run-experiment';
export * from './network';
