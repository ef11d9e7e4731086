import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import { runSession } from '../../src/core/env/runner';
import { buildRun, parseRunDescription } from '../../src/core/run';
import { scenarioById, scenarioRunInput } from '../../src/core/scenarios';
import { escapeMarkdown, transcriptHtml, transcriptMarkdown } from '../../src/core/transcript';

describe('session transcript', () => {
  it('has a Table-2 row per item, the instruction and the reply, and the rewards (Markdown and HTML)', async () => {
    const catalog = await loadBuiltinCatalog();
    const users = await loadBuiltinPersonas();
    const r = buildRun(parseRunDescription(scenarioRunInput(scenarioById('table2')!)), { catalog, users, personas: users });
    const t = await runSession(r.configFor(r.users[0]));
    const byId = new Map(catalog.items.map((i) => [i.id, i]));
    const md = transcriptMarkdown(t, { item: (id) => byId.get(id), userName: 'Maya' });
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(t.turns.reduce((n, x) => n + x.decisions.length, 0));
    expect(rows[0]).toContain('Lobster season opener');
    const instruction = t.turns.find((x) => x.reflection?.instruction)!.reflection!.instruction!.text;
    expect(md).toContain(`**User:** “\u2068${escapeMarkdown(instruction)}\u2069”`);
    expect(md).toContain('**Recommender:**');
    expect(md).toContain('## Session rewards');
    const html = transcriptHtml(t, { item: (id) => byId.get(id), userName: 'Maya' });
    expect(html.match(/<tr><td>/g)).toHaveLength(rows.length);
    expect(html).not.toContain('<script');
  });

  it('escapes untrusted titles and instructions', async () => {
    const catalog = await loadBuiltinCatalog();
    const users = await loadBuiltinPersonas();
    const r = buildRun(parseRunDescription({ turns: 1, seed: 3 }), { catalog, users, personas: users });
    const t = await runSession(r.configFor(r.users[0]));
    const evil = '<img src=x onerror=alert(1)> | *bold* `code`';
    const item = (id: string) => ({ ...catalog.items.find((i) => i.id === id)!, title: evil });
    const md = transcriptMarkdown(t, { item });
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\*bold\\* \\`code\\`');
    const html = transcriptHtml(t, { item, userName: '<b>x</b>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows a bidirectional control in an untrusted title or instruction instead of obeying it, and isolates the quoted instruction', async () => {
    const catalog = await loadBuiltinCatalog();
    const users = await loadBuiltinPersonas();
    const r = buildRun(parseRunDescription(scenarioRunInput(scenarioById('table2')!)), { catalog, users, personas: users });
    const t = await runSession(r.configFor(r.users[0]));
    const turn = t.turns.find((x) => x.reflection?.instruction)!;
    turn.reflection!.instruction!.text = 'less news\u202E more fishing';
    const item = (id: string) => ({ ...catalog.items.find((i) => i.id === id)!, title: 'Lobster\u2067 season' });
    const controls = /[\u202A-\u202E\u2066-\u2069]/g;
    const md = transcriptMarkdown(t, { item });
    // Shown as [U+202E] (its brackets escaped, as every bracket in Markdown).
    expect(md).toContain('**User:** “\u2068less news\\[U+202E\\] more fishing\u2069”');
    expect(md).toContain('| Lobster\\[U+2067\\] season (');
    // The only controls left are the isolates the transcript itself opens and closes.
    expect(md.match(controls)?.join('')).toBe('\u2068\u2069');
    const html = transcriptHtml(t, { item });
    expect(html).toContain('<strong>User:</strong> “<bdi>less news[U+202E] more fishing</bdi>”');
    expect(html).toContain('<td>Lobster[U+2067] season (');
    expect(html.match(controls)).toBeNull();
  });
});
