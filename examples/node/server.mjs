// A recommender speaking RecoWorld's common API (docs/recommender-api.md) over HTTP,
// with nothing but Node's standard library. Run:
//   node examples/node/server.mjs --port 8001
//   npm run simulate -- --recommender http://127.0.0.1:8001/recommend
// It learns the catalog from `fit`, ranks unseen items by the user's declared interest in
// their topic (plus a little popularity), and drops topics the user asked for less of.
import { createServer } from 'node:http';

const MAX_BODY = 20 * 1024 * 1024; // the fit call carries the whole catalog
const catalogs = new Map(); // catalogId -> items

// CORS: the playground runs in the browser on another origin (e.g. http://127.0.0.1:5173),
// so the browser asks first (OPTIONS) and only sends the POST when these headers allow it.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

function score(item, req) {
  const interest = req.profile.interests[item.topic] ?? 0;
  const pop = Math.log1p(item.likes + 3 * item.shares + 2 * item.comments) / 15;
  return interest + 0.2 * pop + 0.1 * item.quality;
}

function lessTopics(instruction, items) {
  if (!instruction) return new Set();
  const m = /less (?:of )?([\w\s-]+)/i.exec(instruction);
  if (!m) return new Set();
  const words = m[1].toLowerCase();
  return new Set(items.map((i) => i.topic).filter((t) => words.includes(t.toLowerCase())));
}

export function recommend(req) {
  const items = catalogs.get(req.catalogId);
  if (!items) throw new Error(`unknown catalog ${req.catalogId}: call fit first`);
  const shown = new Set(req.shown);
  const seen = new Set(req.history.map((h) => h.itemId));
  const less = lessTopics(req.instruction, items);
  const ranked = items
    .filter((i) => !shown.has(i.id))
    .map((i) => ({ id: i.id, s: score(i, req) - (seen.has(i.id) ? 10 : 0) - (less.has(i.topic) ? 5 : 0) }))
    .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
  const reply = { items: ranked.slice(0, req.k).map((r) => r.id) };
  if (req.instruction) reply.message = less.size ? `Sure, fewer ${[...less].join(', ')} posts.` : 'Noted!';
  return reply;
}

function handle(body) {
  const req = JSON.parse(body);
  if (req.op === 'fit') {
    catalogs.set(req.catalogId, req.items);
    return { ok: true };
  }
  if (req.op === 'reset') return { ok: true };
  if (req.op === 'recommend') return recommend(req);
  throw new Error(`unknown op ${req.op}`);
}

export function start(port, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    if (req.method !== 'POST') return res.writeHead(405, CORS).end();
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413, CORS).end('request too large');
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      try {
        const out = JSON.stringify(handle(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(out);
      } catch (e) {
        res.writeHead(400, { ...CORS, 'content-type': 'text/plain' }).end(String(e.message));
      }
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const port = i >= 0 ? Number(process.argv[i + 1]) : 8001;
  const server = await start(port);
  // The first line says where it listens (tests start it with --port 0 and read it).
  console.log(`listening on http://127.0.0.1:${server.address().port}/recommend`);
}
