import { describe, expect, it } from 'vitest';
import { parseItemReply } from '../../src/core/llm/parse-reply';
import { extractJsonObject, partialStringField } from '../../src/core/llm/json-extract';
import { normalizeAction } from '../../src/core/llm/actions';
import { good } from './fixtures';

const opts = { durationSec: 45 };

/** What `good()` parses to, field by field. */
const GOOD_REPLY = {
  thought: 'Lobster fishing at dawn, that is my thing.',
  actions: ['watch', 'like'],
  watchSec: 40,
  comment: '',
  interest: 0.9,
  satisfaction: 0.8,
  mindset: 'I want more fishing.',
  reflection: '',
  reasons: [],
  instruction: '',
};

describe('parseItemReply', () => {
  it('reads a well-formed reply and maps scores to [0, 1]', () => {
    expect(parseItemReply(good(), opts)).toEqual({ ok: true, reply: GOOD_REPLY, repaired: false, notes: [] });
  });

  it('finds the JSON inside prose and code fences', () => {
    const r = parseItemReply(`Sure! Here is my answer:\n\`\`\`json\n${good()}\n\`\`\`\nHope that helps.`, opts);
    expect(r).toEqual({ ok: true, reply: GOOD_REPLY, repaired: true, notes: ['json repaired'] });
    const r2 = parseItemReply(`I think: ${good()} -- done`, opts);
    expect(r2).toEqual({ ok: true, reply: GOOD_REPLY, repaired: true, notes: ['json repaired'] });
  });

  it('repairs trailing commas and single quotes', () => {
    const text = "{'thought': 'Nice braids', 'actions': ['skip',], 'watch_seconds': 0, 'comment': '', 'interest': 2, 'satisfaction': 5, 'mindset': 'meh', 'reflection': '', 'reasons': [], 'instruction': '',}";
    expect(parseItemReply(text, opts)).toEqual({
      ok: true,
      repaired: true,
      notes: ['json repaired'],
      reply: { thought: 'Nice braids', actions: ['skip'], watchSec: 0, comment: '', interest: 0.2, satisfaction: 0.5, mindset: 'meh', reflection: '', reasons: [], instruction: '' },
    });
  });

  it('maps near-miss action names and a single "action" string', () => {
    const r = parseItemReply(good({ actions: undefined, action: 'Watched and liked' }), opts);
    expect(r).toEqual({ ok: true, reply: GOOD_REPLY, repaired: false, notes: ['action "Watched" read as "watch"', 'action "liked" read as "like"'] });
    expect(normalizeAction('pass')).toBe('skip');
    expect(normalizeAction('Leave the session')).toBe('leave');
    expect(normalizeAction('teleport')).toBeNull();
  });

  it('rejects an unknown action, naming it', () => {
    const r = parseItemReply(good({ actions: ['teleport'] }), opts);
    expect(r).toEqual({ ok: false, error: 'unknown action ["teleport"]' });
  });

  it('rejects missing fields', () => {
    expect(parseItemReply(JSON.stringify({ thought: 'hm', actions: ['skip'] }), opts)).toEqual({ ok: false, error: 'missing or invalid field "interest"' });
    expect(parseItemReply(good({ satisfaction: 'lots' }), opts)).toEqual({ ok: false, error: 'missing or invalid field "satisfaction"' });
    expect(parseItemReply(good({ thought: '' }), opts)).toEqual({ ok: false, error: 'invalid field "thought": thought is empty' });
    expect(parseItemReply(good({ mindset: 42 }), opts)).toEqual({ ok: false, error: 'invalid field "mindset": mindset is empty' });
  });

  it('clamps watch seconds to the duration', () => {
    expect(parseItemReply(good({ watch_seconds: 600 }), opts)).toEqual({ ok: true, reply: { ...GOOD_REPLY, watchSec: 45 }, repaired: false, notes: ['watch_seconds 600 clamped to 45'] });
  });

  it('reads "30s" and "2 min" watch times', () => {
    expect(parseItemReply(good({ watch_seconds: '30s' }), opts)).toEqual({ ok: true, reply: { ...GOOD_REPLY, watchSec: 30 }, repaired: false, notes: [] });
    expect(parseItemReply(good({ watch_seconds: '2 min' }), { durationSec: 300 })).toEqual({ ok: true, reply: { ...GOOD_REPLY, watchSec: 120 }, repaired: false, notes: [] });
  });

  it('fails a truncated reply that lost required fields, and an empty reply', () => {
    const full = good();
    // Cut inside "actions": the repaired JSON has no usable action.
    expect(full.slice(0, 60)).toBe('{"thought":"Lobster fishing at dawn, that is my thing.","act');
    expect(parseItemReply(full.slice(0, 60), opts)).toEqual({ ok: false, error: 'unknown action null' });
    expect(parseItemReply(full.slice(0, 100), opts)).toEqual({ ok: false, error: 'missing or invalid field "interest"' });
    expect(parseItemReply('   ', opts)).toEqual({ ok: false, error: 'empty reply' });
    expect(parseItemReply('I would rather not say.', opts)).toEqual({ ok: false, error: 'no JSON object in the reply' });
  });

  it('requires a reflection on leave and a text on comment', () => {
    expect(parseItemReply(good({ actions: ['leave'] }), opts)).toEqual({ ok: false, error: 'leave without reflection' });
    expect(parseItemReply(good({ actions: ['comment'] }), opts)).toEqual({ ok: false, error: 'comment action without comment text' });
    const r = parseItemReply(good({ actions: ['skip', 'leave'], reflection: 'Too much of the same.', reasons: ['Repetitive', 'nonsense'], instruction: 'none' }), opts);
    expect(r).toEqual({
      ok: true,
      repaired: false,
      notes: [],
      reply: { ...GOOD_REPLY, actions: ['skip', 'leave'], watchSec: 0, reflection: 'Too much of the same.', reasons: ['repetitive'], instruction: '' },
    });
  });

  it('ignores __proto__, constructor and prototype keys (no prototype swap, no pollution)', () => {
    // Without the guard, `out["__proto__"] = {...}` would make these the parsed object's inherited fields.
    const injected = '{"__proto__": {"actions": ["like"], "interest": 10, "satisfaction": 10}, "thought": "x", "mindset": "y"}';
    expect(parseItemReply(injected, opts)).toEqual({ ok: false, error: 'unknown action null' });
    const beside = good().replace(/^\{/, '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "Prototype": 3, ');
    expect(parseItemReply(beside, opts)).toEqual({ ok: true, reply: GOOD_REPLY, repaired: false, notes: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'actions')).toBe(false);
  });

  it('caps an instruction and other free text, saying so', () => {
    const long = 'More fishing please. '.repeat(100).trim();
    const r = parseItemReply(good({ actions: ['skip', 'leave'], reflection: 'r'.repeat(3000), instruction: long, comment: 'c'.repeat(1500) }), opts);
    expect(r).toEqual({
      ok: true,
      repaired: false,
      notes: ['comment cut from 1500 to 1000 characters', 'reflection cut from 3000 to 2000 characters', `instruction cut from ${long.length} to 500 characters`],
      reply: { ...GOOD_REPLY, actions: ['skip', 'leave'], watchSec: 0, comment: 'c'.repeat(1000), reflection: 'r'.repeat(2000), instruction: long.slice(0, 500) },
    });
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
