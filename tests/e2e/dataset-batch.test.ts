/**
 * Batch on an imported MovieLens folder in the built app, in real Chromium: the folder
 * imported through the settings, then the Batch view's catalog menu offers it, the request
 * carries it to the real batch worker (structured clone), which fits the response model and
 * runs the dataset's first users; a second run on the same data reuses the worker's model.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations as axe, importMovieLensFixture, openApp, sharedBrowser } from './helpers';

const env = sharedBrowser();

describe('Batch on an imported MovieLens dataset (built app)', () => {
  it('runs the dataset in the batch worker with its response model', async () => {
    const { page, errors } = await openApp(env.b.context);
    await importMovieLensFixture(page, { users: 30, movies: 200, seed: 8 });
    await page.getByTestId('nav-batch').click();
    const menu = page.getByTestId('batch-catalog');
    expect(await menu.inputValue()).toBe('ml-latest');
    await page.getByTestId('batch-users').fill('4');
    await page.getByTestId('batch-run').click();
    await page.getByTestId('batch-results').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('batch-done').textContent()).toMatch(/Done: 12 sessions/);
    const first = await page.getByTestId('batch-results').textContent();
    // Again on the same data: the same results (the worker's cached model, the same seeds).
    await page.getByTestId('batch-run').click();
    await page.getByTestId('batch-done').filter({ hasText: /Done: 12 sessions/ }).waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('batch-results').textContent()).toBe(first);
    // The users field stops at the dataset's size (the worker says so too: tests/ui/dataset-same-run.test.ts).
    expect(await page.getByTestId('batch-users').getAttribute('max')).toBe('30');
    expect(await axe(page, '.batch')).toEqual([]);
    // The leaderboard offers the dataset too (with a note on what it costs); axe-clean.
    await page.getByTestId('nav-leaderboard').click();
    await page.getByTestId('leaderboard-catalog').selectOption('ml-latest');
    await page.getByTestId('leaderboard-dataset-note').waitFor();
    expect(await axe(page, '.leaderboard')).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
