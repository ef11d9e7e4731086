// A recommender as a JavaScript module, for the playground's common API
// (docs/recommender-api.md). The functions take the same requests and return the same
// replies as the HTTP API. Use it with:
//   npm run simulate -- --recommender-module examples/module/my-rec.mjs
//   npm run check-recommender -- examples/module/my-rec.mjs
// In the app: Train view > "Check my recommender" > pick this file (it runs in its own Worker).
// It must not import anything: in the app it is loaded from a file in a sandboxed Worker.
let items = [];

export default {
  name: 'fresh-interests',
  fit(request) {
    items = request.items;
  },
  reset() {},
  recommend(request) {
    const shown = new Set(request.shown);
    const seen = new Set(request.history.map((h) => h.itemId));
    const now = Math.max(...items.map((i) => i.publishedAt));
    const score = (i) => {
      const interest = request.profile.interests[i.topic] ?? 0;
      const ageDays = (now - i.publishedAt) / 86_400_000;
      return interest + 0.3 * Math.pow(0.5, ageDays / 3) - (seen.has(i.id) ? 10 : 0);
    };
    const ranked = items
      .filter((i) => !shown.has(i.id))
      .sort((a, b) => score(b) - score(a) || (a.id < b.id ? -1 : 1));
    return { items: ranked.slice(0, request.k).map((i) => i.id) };
  },
};
