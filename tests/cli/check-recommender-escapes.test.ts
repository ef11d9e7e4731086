/**
 * check-recommender printed a server's reply excerpts raw: a recommender answering
 * "\x1b]0;PWNED\x07" set the terminal's title, "\x1b[2J" would clear it, and a U+202E
 * reversed the rest of the line (--json escaped ESC but left C1 controls and bidi
 * overrides raw). Its report now goes through terminalText / terminalJson as every other
 * command's output does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as check } from '../../src/cli/check-recommender';
import { captureStdio } from '../helpers/capture-stdio';

const NASTY = 'boom \x1b]0;PWNED\x07\x1b[31mRED\x9b31mC1 \u202eevil';
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500).end(NASTY));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((r) => server.close(r)));

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('check-recommender: a server reply with control characters', () => {
  it('the text report carries none of them', async () => {
    const r = await captureStdio(() => check([url]));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/the server answered HTTP 500: boom/);
    expect(r.out).not.toMatch(RAW);
  });

  it('--json escapes them (still the same JSON)', async () => {
    const r = await captureStdio(() => check([url, '--json']));
    expect(r.out).not.toMatch(RAW);
    expect(JSON.parse(r.out).problems[0]).toContain('\u202eevil');
  });
});
