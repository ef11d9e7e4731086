/**
 * "Check my recommender" in jsdom against real local HTTP servers on 127.0.0.1:
 * - a silent server is reported after the check's own fit deadline (15 s), not a Live
 *   run's 100 s, and the report line says the deadline;
 * - Cancel (button or Escape) aborts the request in flight, says so, and a new check works;
 * - a report with violations offers no primary "Run it in Live", only a labelled "anyway",
 *   plain or with instruction following (the "+follow" choice was missing there).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import CheckRecommender from '../../src/ui/train/CheckRecommender.svelte';
import { CheckState } from '../../src/ui/train/check-state.svelte';
import { closedPortUrl } from '../helpers/closed-port';
import { myRecommenders } from '../../src/ui/train/my-recommenders.svelte';
// @ts-expect-error: a plain .mjs example without types
import { start as startExample } from '../../examples/node/server.mjs';

/** Accepts every call and never answers; remembers each request and whether its client went away. */
let silent: Server;
const calls: { req: IncomingMessage; res: ServerResponse; closed: boolean }[] = [];
let good: Server;
/** Answers every recommend with the catalog's first k ids, whatever `shown` says (valid on a first list only). */
let broken: Server;

const urlOf = (s: Server, path = 'recommend') => `http://127.0.0.1:${(s.address() as AddressInfo).port}/${path}`;
/** The silent server's calls to one path (each test uses its own, so a call left by another test cannot count). */
const callsTo = (path: string) => calls.filter((c) => c.req.url === `/${path}`);
const listen = (s: Server) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r));

beforeAll(async () => {
  silent = createServer((req, res) => {
    const c = { req, res, closed: false };
    calls.push(c);
    res.on('close', () => (c.closed = true));
    req.resume();
  });
  broken = createServer((req, res) => {
    req.resume();
    let body = '';
    req.on('data', (d) => (body += String(d)));
    req.on('end', () => {
      const k = (JSON.parse(body) as { k?: number }).k ?? 0;
      const items = Array.from({ length: k }, (_, i) => `sv-${String(i + 1).padStart(4, '0')}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
    });
  });
  await Promise.all([listen(silent), listen(broken)]);
  good = await startExample(0);
});
afterAll(async () => {
  for (const c of calls) c.res.destroy();
  await Promise.all([silent, good, broken].map((s) => new Promise((r) => {
    s.close(r);
    s.closeAllConnections(); // fetch's kept-alive sockets
  })));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  for (const r of [...myRecommenders.list]) myRecommenders.remove(r.name);
});

/** Waits (real time, at most 10 s) for real I/O without moving a fake clock: setImmediate and Date are not faked here. */
async function untilRealIo(done: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > end) throw new Error('the call did not reach the server within 10 s');
    await new Promise((r) => setImmediate(r));
  }
}

async function startCheck(url: string): Promise<void> {
  const input = screen.getByTestId('check-url') as HTMLInputElement;
  await fireEvent.input(input, { target: { value: url } });
  const run = screen.getByTestId('check-url-run');
  run.focus();
  await fireEvent.click(run);
}

describe('Check my recommender panel', () => {
  it('reports a silent server after the check\'s own 15 s fit deadline, and says it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(CheckRecommender, { st: new CheckState() });
    await startCheck(urlOf(silent, 'deadline'));
    // Let the fit call reach the server (real I/O), then move the fake clock. Not vi.waitFor: under
    // fake timers it advances the clock by its interval on every try, so on a slow machine the
    // 15 s deadline had partly run before the 14.9 s step below (a flake).
    await untilRealIo(() => callsTo('deadline').length === 1);
    expect(screen.getByRole('status').textContent).toMatch(/fit 15 s/);
    await vi.advanceTimersByTimeAsync(14_900);
    expect(callsTo('deadline')[0].closed).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    await waitFor(() => expect(screen.getByTestId('check-report')).toBeTruthy(), { timeout: 10_000 });
    expect(screen.getByTestId('check-report').textContent).toMatch(/no reply to fit within 15 s \(a first list of 6\)/);
    // Said where it is seen, not only inside "What was checked".
    expect(screen.getByTestId('check-skipped').textContent).toMatch(/^The other checks were skipped: .*train in the background/);
    await waitFor(() => expect(callsTo('deadline')[0].closed).toBe(true));
  });

  it('Cancel aborts the request in flight, says so, and a new check afterwards works', async () => {
    const onuse = vi.fn();
    render(CheckRecommender, { onuse, st: new CheckState() });
    await startCheck(urlOf(silent, 'cancel'));
    await waitFor(() => expect(callsTo('cancel')).toHaveLength(1), { timeout: 10_000 });
    const cancel = screen.getByTestId('check-cancel');
    // The submit button is disabled while the check runs; the keyboard user's focus is on Cancel.
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    await fireEvent.click(cancel);
    expect(screen.getByTestId('check-cancelled').textContent).toMatch(/^Check cancelled/);
    expect(screen.queryByTestId('check-cancel')).toBeNull();
    await waitFor(() => expect(callsTo('cancel')[0].closed).toBe(true));
    // Nothing more reaches the server, and nothing is reported for the cancelled check.
    await new Promise((r) => setTimeout(r, 300));
    expect(callsTo('cancel')).toHaveLength(1);
    expect(screen.queryByTestId('check-report')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(myRecommenders.list).toEqual([]);

    // A new check (of a server that honours the contract) runs to its report.
    await startCheck(urlOf(good));
    await waitFor(() => expect(screen.getByTestId('check-report').textContent).toContain('no violations'), { timeout: 25_000 });
    expect(screen.queryByTestId('check-cancelled')).toBeNull();
    expect(screen.getByTestId('check-use').className).toContain('primary');
  });

  it('a check goes on while another view is shown (the panel unmounted) and its report is there on return', async () => {
    const st = new CheckState();
    render(CheckRecommender, { st });
    await startCheck(urlOf(good));
    cleanup();
    await waitFor(() => expect(st.report?.problems).toEqual([]), { timeout: 25_000 });
    render(CheckRecommender, { st });
    expect(screen.getByTestId('check-report').textContent).toContain(`${urlOf(good)}: no violations`);
    expect((screen.getByTestId('check-url') as HTMLInputElement).value).toBe(urlOf(good));
  });

  it('Escape in the panel cancels a running check', async () => {
    render(CheckRecommender, { st: new CheckState() });
    await startCheck(urlOf(silent, 'escape'));
    await waitFor(() => expect(callsTo('escape')).toHaveLength(1), { timeout: 10_000 });
    await fireEvent.keyDown(screen.getByTestId('check-cancel'), { key: 'Escape' });
    expect(screen.getByTestId('check-cancelled')).toBeTruthy();
    await waitFor(() => expect(callsTo('escape')[0].closed).toBe(true));
    expect((screen.getByTestId('check-url-run') as HTMLButtonElement).disabled).toBe(false);
  });

  it('Cancel at once (while the catalog loads) leaves the panel ready: no stage comes back to disable it', async () => {
    render(CheckRecommender, { st: new CheckState() });
    await startCheck(urlOf(silent, 'early'));
    await fireEvent.click(screen.getByTestId('check-cancel'));
    // Long enough for the catalog to load and the cancelled check to reach its first stage.
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.queryByTestId('check-stage')).toBeNull();
    expect((screen.getByTestId('check-url-run') as HTMLButtonElement).disabled).toBe(false);
    expect(callsTo('early')).toHaveLength(0);
  });

  it('with violations, offers only "Run it in Live anyway (N problems)", plain or with instruction following, which adds it to the menus', async () => {
    const onuse = vi.fn();
    render(CheckRecommender, { onuse, st: new CheckState() });
    const url = urlOf(broken);
    await startCheck(url);
    await waitFor(() => expect(screen.getByTestId('check-report').textContent).toMatch(/violations?:/), { timeout: 25_000 });
    const n = screen.getByTestId('check-report').querySelectorAll('.problems li').length;
    expect(n).toBeGreaterThan(1);
    expect(screen.queryByTestId('check-use')).toBeNull();
    expect(screen.queryByTestId('check-use-follow')).toBeNull();
    expect(myRecommenders.list).toEqual([]);
    const anyway = screen.getByTestId('check-use-anyway');
    expect(anyway.textContent).toBe(`Run it in Live anyway (${n} problems)`);
    expect(anyway.className).not.toContain('primary');
    // The same choices as a passing check: the instruction-following wrapper too.
    const follow = screen.getByTestId('check-use-anyway-follow');
    expect(follow.textContent).toBe(`Run it in Live anyway with instruction following (${n} problems)`);
    expect(follow.className).not.toContain('primary');
    await fireEvent.click(follow);
    expect(onuse).toHaveBeenLastCalledWith(`${url}+follow`);
    // The menus hold the recommender itself (Live wraps it for "+follow").
    expect(myRecommenders.list.map((r) => r.name)).toEqual([url]);
    await fireEvent.click(anyway);
    expect(onuse).toHaveBeenLastCalledWith(url);
    expect(myRecommenders.list.map((r) => r.name)).toEqual([url]);
  });

  it('offers nothing to run in Live when no list it served could be shown (unreachable)', async () => {
    render(CheckRecommender, { onuse: vi.fn(), st: new CheckState() });
    await startCheck(await closedPortUrl('/recommend'));
    await waitFor(() => expect(screen.getByTestId('check-report').textContent).toMatch(/could not connect|could not reach/), { timeout: 25_000 });
    expect(screen.queryByTestId('check-use')).toBeNull();
    expect(screen.queryByTestId('check-use-anyway')).toBeNull();
    expect(screen.queryByTestId('check-use-anyway-follow')).toBeNull();
    expect(screen.getByTestId('check-no-live').textContent).toMatch(/nothing to run in Live/);
  });
});
