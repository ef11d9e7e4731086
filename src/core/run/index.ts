/**
 * The run description (one serialisable, validated object per run) and the one function
 * that turns it into a run. See docs/run-description.md.
 */
export * from './fields';
export * from './description';
export * from './persona-edits';
export * from './build-run';
export { withFirstList } from './first-list';
export { canonicalTrajectory, trajectoryDecisions } from './canonical';
