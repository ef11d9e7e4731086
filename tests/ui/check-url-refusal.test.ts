/**
 * "Check my recommender" refuses a URL it cannot use with the reason (it said "Enter an
 * http:// or https:// URL" for http URLs carrying credentials or spaces too).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CheckRecommender from '../../src/ui/train/CheckRecommender.svelte';

afterEach(() => cleanup());

describe('Check my recommender: refused URLs', () => {
  for (const [url, why] of [
    ['http://me:secret@127.0.0.1:8001/recommend', /carries credentials/],
    ['http://127.0.0.1:8001/my recommender', /contains spaces/],
    ['ftp://127.0.0.1/recommend', /must start with http:\/\/ or https:\/\//],
    // Every menu and link reads "NAME+follow" as NAME with instruction following: checked and
    // added, it ran http://127.0.0.1:8001/rec, another URL, when picked in Live.
    ['http://127.0.0.1:8001/rec+follow', /ends in "\+follow", which menus and links read as .*\/rec with instruction following/],
  ] as const) {
    it(`says why ${url} is refused`, async () => {
      render(CheckRecommender, {});
      const input = screen.getByTestId('check-url') as HTMLInputElement;
      await fireEvent.input(input, { target: { value: url } });
      await fireEvent.submit(input.form!);
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(why));
    });
  }
});
