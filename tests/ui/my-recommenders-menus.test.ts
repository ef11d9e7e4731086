/** A checked recommender shows up in the Batch view's choices (plain and +follow) and goes into the request. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BatchView from '../../src/ui/batch/BatchView.svelte';
import { myRecommenders } from '../../src/ui/train/my-recommenders.svelte';
import type { BatchRequest } from '../../src/worker/protocol';

afterEach(() => cleanup());

describe('your recommenders in the menus', () => {
  it('Batch lists a URL with its label and sends it to the worker', async () => {
    const url = 'http://127.0.0.1:8001/recommend';
    myRecommenders.add(url);
    const seen: BatchRequest[] = [];
    render(BatchView, { runner: (req: BatchRequest) => (seen.push(req), Promise.reject(new Error('stop here'))) });
    const box = screen.getByTestId(`batch-rec-${url}+follow`) as HTMLInputElement;
    expect(box.closest('label')!.textContent).toContain('yours: 127.0.0.1:8001/recommend + instruction following');
    await fireEvent.click(screen.getByTestId(`batch-rec-${url}`));
    await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('batch-run'));
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].recommenders).toEqual(expect.arrayContaining([url, `${url}+follow`]));
    myRecommenders.remove(url);
    await waitFor(() => expect(screen.queryByTestId(`batch-rec-${url}`)).toBeNull());
  });

  it('Batch does not offer a module recommender: it runs in its own Worker on the page, out of the batch worker\'s reach', async () => {
    // Offered, it failed after Run: "Recommender module:qa-mod is not loaded ... load the module first".
    const url = 'http://127.0.0.1:8002/recommend';
    myRecommenders.add('module:qa-mod');
    myRecommenders.add(url);
    try {
      render(BatchView, { runner: () => Promise.reject(new Error('must not run')) });
      expect(screen.queryByTestId('batch-rec-module:qa-mod')).toBeNull();
      expect(screen.queryByTestId('batch-rec-module:qa-mod+follow')).toBeNull();
      expect(screen.getByTestId(`batch-rec-${url}`)).toBeTruthy();
    } finally {
      myRecommenders.remove('module:qa-mod');
      myRecommenders.remove(url);
    }
  });
});

