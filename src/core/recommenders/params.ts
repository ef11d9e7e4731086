/**
 * The declared parameters of the built-in recommenders (what their constructors read with
 * `numOption`). The registry carries them, so the settings panel, the URL (`rp=`) and the
 * CLI (`--rec-param name=value`) offer and check the same names, ranges and defaults.
 * tests/core/run/params.test.ts checks that each default is what the constructor uses.
 */
import type { ParamSpec } from '../registry';

const p = (name: string, label: string, type: ParamSpec['type'], def: number, min: number, max: number, help: string): ParamSpec => ({
  name, label, type, default: def, min, max, help,
});

export const RECOMMENDER_PARAMS: Record<string, readonly ParamSpec[]> = {
  random: [],
  popular: [p('interactionWeight', 'Training weight', 'number', 0.3, 0, 1, 'Share of the score from training-set engagement (the rest: catalog counts).')],
  trending: [p('halfLifeDays', 'Half-life (days)', 'number', 3, 0.01, 3650, 'Age at which an item’s engagement counts half.')],
  content: [p('interestPrior', 'Interest prior', 'number', 0.3, 0, 10, 'Weight of the profile’s declared interests next to its history.')],
  'item-knn': [
    p('neighbours', 'Neighbours', 'integer', 50, 1, 1000, 'Most similar items kept per item.'),
    p('coldScale', 'Cold-item scale', 'number', 0.5, 0, 1, 'Weight of content neighbours for items nobody engaged with.'),
    p('contentWeight', 'Content weight', 'number', 0.02, 0, 10, 'Weight of content similarity next to co-engagement.'),
  ],
  'mf-bpr': [
    p('factors', 'Factors', 'integer', 32, 1, 256, 'Latent dimensions.'),
    p('epochs', 'Epochs', 'integer', 30, 1, 1000, 'Passes over the training pairs.'),
    p('learningRate', 'Learning rate', 'number', 0.05, 1e-5, 1, 'SGD step size.'),
    p('regularization', 'Regularisation', 'number', 0.01, 0, 1, 'L2 weight on the factors.'),
    p('maxSteps', 'Most steps', 'integer', 2_500_000, 1, 1e9, 'Cap on SGD steps over all epochs.'),
    p('minSteps', 'Fewest steps', 'integer', 200_000, 0, 1e9, 'Floor on SGD steps for small data.'),
  ],
  linucb: [
    p('alpha', 'Exploration (alpha)', 'number', 0.25, 0, 10, 'Width of the confidence bonus.'),
    p('lambda', 'Ridge (lambda)', 'number', 1, 1e-6, 1e6, 'Ridge regularisation of the per-user model.'),
  ],
};
