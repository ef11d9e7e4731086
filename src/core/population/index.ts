/**
 * A population of connected users in one world (the paper's §5): columnar users, a social
 * graph, an explicit world state and a simulated clock, diffusion through shares. See
 * docs/population.md.
 */
export * from './demographics';
export * from './users';
export * from './graph';
export * from './graph-csv';
export * from './world-items';
export * from './world';
export * from './exposure';
export * from './week';
export * from './oon';
export * from './cascade';
export * from './ties';
