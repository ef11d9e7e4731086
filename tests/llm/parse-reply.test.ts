import { describe, expect, it } from 'vitest';
import { parseItemReply } from '../../src/core/llm/parse-reply';
import { extractJsonObject, partialStringField } from '../../src/core/llm/json-extract';
import { normalizeAction } from '../../src/core/llm/actions';
import { good } from './fixtures';

const opts = { durationSec: 45 };

describe('parseItemReply', () => {
  it('reads a well-formed reply and maps scores to [0, 1]', () => {
    const r = parseItemReply(good(), opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.reply.actions).toEqual(['watch', 'like']);
    expect(r.reply.watchSec).toBe(40);
    expect(r.reply.interest).toBeCloseTo(0.9);
    expect(r.repaired).toBe(false);
  });

  it('finds the JSON inside prose and code fences', () => {
    const r = parseItemReply(`Sure! Here is my answer:\n\`\`\`json\n${good()}\n\`\`\`\nHope that helps.`, opts);
    expect(r.ok && r.repaired).toBe(true);
    const r2 = parseItemReply(`I think: ${good()} -- done`, opts);
    expect(r2.ok).toBe(true);
  });

  it('repairs trailing commas and single quotes', () => {
    const text = "{'thought': 'Nice braids', 'actions': ['skip',], 'watch_seconds': 0, 'comment': '', 'interest': 2, 'satisfaction': 5, 'mindset': 'meh', 'reflection': '', 'reasons': [], 'instruction': '',}";
    const r = parseItemReply(text, opts);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.reply.actions).toEqual(['skip']);
  });

  it('maps near-miss action names and a single "action" string', () => {
    const r = parseItemReply(good({ actions: undefined, action: 'Watched and liked' }), opts);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.reply.actions).toEqual(['watch', 'like']);
      expect(r.notes.join(' ')).toContain('read as "watch"');
    }
    expect(normalizeAction('pass')).toBe('skip');
    expect(normalizeAction('Leave the session')).toBe('leave');
    expect(normalizeAction('teleport')).toBeNull();
  });

  it('rejects an unknown action, naming it', () => {
    const r = parseItemReply(good({ actions: ['teleport'] }), opts);
    expect(r).toEqual({ ok: false, error: 'unknown action ["teleport"]' });
  });

  it('rejects missing fields', () => {
    const r = parseItemReply(JSON.stringify({ thought: 'hm', actions: ['skip'] }), opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/interest/);
    const noThought = parseItemReply(good({ thought: '' }), opts);
    expect(noThought.ok).toBe(false);
  });

  it('clamps watch seconds to the duration', () => {
    const r = parseItemReply(good({ watch_seconds: 600 }), opts);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.reply.watchSec).toBe(45);
      expect(r.notes.some((n) => n.includes('clamped'))).toBe(true);
    }
  });

  it('reads "30s" and "2 min" watch times', () => {
    const r = parseItemReply(good({ watch_seconds: '30s' }), opts);
    expect(r.ok && r.reply.watchSec).toBe(30);
    const r2 = parseItemReply(good({ watch_seconds: '2 min' }), { durationSec: 300 });
    expect(r2.ok && r2.reply.watchSec).toBe(120);
  });

  it('fails a truncated reply that lost required fields, and an empty reply', () => {
    const full = good();
    const r = parseItemReply(full.slice(0, 60), opts);
    expect(r.ok).toBe(false);
    expect(parseItemReply('   ', opts)).toEqual({ ok: false, error: 'empty reply' });
    expect(parseItemReply('I would rather not say.', opts)).toEqual({ ok: false, error: 'no JSON object in the reply' });
  });

  it('requires a reflection on leave and a text on comment', () => {
    expect(parseItemReply(good({ actions: ['leave'] }), opts).ok).toBe(false);
    expect(parseItemReply(good({ actions: ['comment'] }), opts).ok).toBe(false);
    const r = parseItemReply(good({ actions: ['skip', 'leave'], reflection: 'Too much of the same.', reasons: ['Repetitive', 'nonsense'], instruction: 'none' }), opts);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.reply.actions).toEqual(['skip', 'leave']);
      expect(r.reply.reasons).toEqual(['repetitive']);
      expect(r.reply.instruction).toBe('');
      expect(r.reply.watchSec).toBe(0);
    }
  });
});

describe('json helpers', () => {
  it('extracts the first balanced object even with braces in strings', () => {
    const e = extractJsonObject('x {"a": "}{", "b": {"c": 1}} y {"d": 2}');
    expect(e?.value).toEqual({ a: '}{', b: { c: 1 } });
  });

  it('reads a string field while it streams, decoding escapes', () => {
    expect(partialStringField('{"thought": "I lo', 'thought')).toBe('I lo');
    expect(partialStringField('{"thought": "a \\"b\\" \\n', 'thought')).toBe('a "b" \n');
    expect(partialStringField('{"thought": "done", "x": 1}', 'thought')).toBe('done');
    expect(partialStringField('{"actions": [', 'thought')).toBeNull();
  });
});
