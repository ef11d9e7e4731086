/** The user's recommenders beside the built-ins: kept across reloads (HTTP), validated, bounded. */
import { describe, expect, it } from 'vitest';
import { canCreateExternal } from '../../src/core/recommenders/remote/external';
import { MAX_MY_RECOMMENDERS, MY_RECOMMENDERS_KEY, MyRecommenders, withMyHttpRecommenders } from '../../src/ui/train/my-recommenders.svelte';

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('MyRecommenders', () => {
  it('keeps HTTP names across a reload, modules only for the page, and installs the fetch transport', () => {
    const st = memoryStorage();
    const a = new MyRecommenders(st);
    a.add('http://127.0.0.1:8001/recommend');
    a.add('module:my-rec');
    a.add('http://127.0.0.1:8001/recommend'); // again: moved to the end, not duplicated
    expect(a.list.map((r) => r.name)).toEqual(['module:my-rec', 'http://127.0.0.1:8001/recommend']);
    expect(a.list.map((r) => r.label)).toEqual(['yours: my-rec (module)', 'yours: 127.0.0.1:8001/recommend']);
    const b = new MyRecommenders(st);
    expect(b.list.map((r) => r.name)).toEqual(['http://127.0.0.1:8001/recommend']);
    b.remove('http://127.0.0.1:8001/recommend');
    expect(new MyRecommenders(st).list).toEqual([]);
    expect(canCreateExternal('http://127.0.0.1:8001/recommend')).toBe(true);
  });

  it('refuses credentials, drops bad stored entries, bounds the list, offers a linked name', () => {
    const st = memoryStorage({ [MY_RECOMMENDERS_KEY]: JSON.stringify(['http://u:p@h/x', 42, 'https://ok.example/r']) });
    const a = new MyRecommenders(st);
    expect(a.list.map((r) => r.name)).toEqual(['https://ok.example/r']);
    expect(() => a.add('http://user:pw@127.0.0.1/r')).toThrow(/credentials/);
    for (let i = 0; i < MAX_MY_RECOMMENDERS + 5; i++) a.add(`http://127.0.0.1:${8000 + i}/r`);
    expect(a.list).toHaveLength(MAX_MY_RECOMMENDERS);
    expect(a.list.at(-1)!.name).toBe(`http://127.0.0.1:${8000 + MAX_MY_RECOMMENDERS + 4}/r`);
    expect(new MyRecommenders(memoryStorage({ [MY_RECOMMENDERS_KEY]: '{not json' })).list).toEqual([]);
    expect(a.options('http://127.0.0.1:7000/linked').at(-1)!.name).toBe('http://127.0.0.1:7000/linked');
    expect(a.options('popular')).toHaveLength(MAX_MY_RECOMMENDERS);
  });
});

describe('withMyHttpRecommenders', () => {
  it('adds HTTP names after the built-ins, never modules or duplicates', () => {
    const list = [{ name: 'module:m', label: '' }, { name: 'http://127.0.0.1:1/r', label: '' }, { name: 'popular', label: '' }];
    expect(withMyHttpRecommenders(['popular', 'random'], list)).toEqual(['popular', 'random', 'http://127.0.0.1:1/r']);
  });

  // A URL saved before "+follow" endings were refused (or hand-edited) gave duplicate menu
  // entries: "X+follow" saved beside X made Batch list "X+follow" twice (a Svelte key error).
  it('drops stored URLs that end in +follow or repeat, and says so; refuses adding one', () => {
    const st = memoryStorage({ [MY_RECOMMENDERS_KEY]: JSON.stringify(['http://127.0.0.1:8000/rec', 'http://127.0.0.1:8000/rec+follow', 'http://127.0.0.1:8000/rec']) });
    const a = new MyRecommenders(st);
    expect(a.list.map((r) => r.name)).toEqual(['http://127.0.0.1:8000/rec']);
    expect(a.dropped).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:8000\/rec\+follow: the URL ends in "\+follow"/)]);
    // Stored without it: the next load says nothing more.
    expect(new MyRecommenders(st).dropped).toEqual([]);
    expect(JSON.parse(st.map.get(MY_RECOMMENDERS_KEY)!)).toEqual(['http://127.0.0.1:8000/rec']);
    expect(() => a.add('http://127.0.0.1:8000/rec+follow')).toThrow(/Cannot add .*ends in "\+follow"/);
    expect(new MyRecommenders(memoryStorage()).dropped).toEqual([]);
  });

  // A saved URL with a password or a space was dropped unsaid (to keep the password out of
  // notices): it is said, redacted, and the list is saved without it.
  it('says a dropped saved URL with credentials or a space without echoing the password', () => {
    const st = memoryStorage({ [MY_RECOMMENDERS_KEY]: JSON.stringify(['http://alice:s3cret@127.0.0.1:8000/rec', 'http://127.0.0.1:8000/my rec', 'http://127.0.0.1:8000/ok']) });
    const a = new MyRecommenders(st);
    expect(a.list.map((r) => r.name)).toEqual(['http://127.0.0.1:8000/ok']);
    expect(a.dropped).toEqual([
      'http://***@127.0.0.1:8000/rec: it carried a user name or password (user:password@), which links and History would leak; add it again without one',
      'http://127.0.0.1:8000/my%20rec: the URL contains spaces',
    ]);
    expect(a.dropped.join(' ')).not.toMatch(/alice|s3cret/);
    expect(JSON.parse(st.map.get(MY_RECOMMENDERS_KEY)!)).toEqual(['http://127.0.0.1:8000/ok']);
    expect(new MyRecommenders(st).dropped).toEqual([]);
  });
});
