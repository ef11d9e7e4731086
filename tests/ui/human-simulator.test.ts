import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { emptyMemory } from '../../src/core/simulator/memory';
import type { UserProfile } from '../../src/core/types';
import HumanControls from '../../src/ui/human/HumanControls.svelte';
import InstructionPrompt from '../../src/ui/human/InstructionPrompt.svelte';
import { HumanInput } from '../../src/ui/human/human-input.svelte';
import { createHumanSimulator, normaliseChoice } from '../../src/ui/human/human-simulator';
import { item } from './fixtures';

const user: UserProfile = {
  id: 'u1',
  name: 'Maya',
  age: 34,
  gender: 'female',
  location: 'Oakland, CA',
  occupation: '',
  bio: '',
  groups: [],
  interests: { fishing: 0.8, ufc: 0.6 },
  traits: { timeBudgetSec: 600, curiosity: 0.5, activity: 0.5, conformity: 0.5, fatigueSensitivity: 0.5, instructionPropensity: 0.5 },
  history: [],
  source: 'persona',
};

function start(input: HumanInput, instructionsEnabled = true) {
  const sim = createHumanSimulator(input);
  return sim.startSession({
    user,
    context: { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: 'Oakland, CA' },
    memory: emptyMemory('u1'),
    catalog: { id: 'c', name: 'c', items: [], topics: [], creators: [], now: 0 },
    rng: createRng(1),
    instructionsEnabled,
  });
}

describe('human simulator', () => {
  it('resolves a decision from UI input, clamping watch seconds to the item', async () => {
    const input = new HumanInput();
    const s = start(input);
    const it1 = item('a', { durationSec: 40 });
    const p = s.decide(it1, 0, 0);
    expect(input.pendingItem?.item.id).toBe('a');
    input.decide({ actions: ['watch', 'like'], watchSec: 90 });
    const d = await p;
    expect(d.actions).toEqual(['watch', 'like']);
    expect(d.watchSec).toBe(40);
    expect(d.mindset.timeLeftSec).toBe(560);
    expect(input.pendingItem).toBeNull();
  });

  it('records a skip, a leave and the typed instruction', async () => {
    const input = new HumanInput();
    const s = start(input);
    const p1 = s.decide(item('a'), 0, 0);
    input.decide({ actions: ['skip'], watchSec: 0 });
    expect((await p1).actions).toEqual(['skip']);
    const p2 = s.decide(item('b'), 1, 0);
    input.decide({ actions: ['leave'], watchSec: 0 });
    expect((await p2).actions).toEqual(['skip', 'leave']);
    const r = s.reflect();
    expect(input.awaitingInstruction).toBe(true);
    input.instruct('  more UFC please ');
    expect((await r).instruction?.text).toBe('more UFC please');
    expect(s.end('turn_limit').instructions).toEqual(['more UFC please']);
  });

  it('leaves silently when no instruction is given or instructions are off', async () => {
    const input = new HumanInput();
    const r = start(input).reflect();
    input.instruct(null);
    expect((await r).instruction).toBeNull();
    const off = new HumanInput();
    expect((await start(off, false).reflect()).instruction).toBeNull();
    expect(off.awaitingInstruction).toBe(false);
  });

  it('normalises choices: unknown actions dropped, leave last, comment only with comment action', () => {
    const c = normaliseChoice({ actions: ['leave', 'watch', 'fly' as never, 'watch'], watchSec: 12.4, comment: 'hi' }, item('x', { durationSec: 30 }));
    expect(c).toEqual({ actions: ['watch', 'leave'], watchSec: 12 });
  });

  it('a watch of 0 s is no watch (Table 2 gives every watch its seconds; the rule-based user watches at least 1 s)', () => {
    const x = item('x', { durationSec: 30 });
    expect(normaliseChoice({ actions: ['watch'], watchSec: 0 }, x)).toEqual({ actions: ['skip'], watchSec: 0 });
    expect(normaliseChoice({ actions: ['watch', 'like'], watchSec: 0.3 }, x)).toEqual({ actions: ['like'], watchSec: 0 });
    expect(normaliseChoice({ actions: ['watch'], watchSec: 1 }, x)).toEqual({ actions: ['watch'], watchSec: 1 });
  });
});

describe('human controls', () => {
  afterEach(() => cleanup());
  it('sends watch seconds and extras from the card', async () => {
    const input = new HumanInput();
    const it1 = item('a', { durationSec: 50 });
    const p = input.requestDecision(it1, 0, 0);
    render(HumanControls, { input, item: it1 });
    await fireEvent.input(screen.getByTestId('human-watch-seconds'), { target: { value: '25' } });
    await fireEvent.click(screen.getByTestId('human-like'));
    await fireEvent.click(screen.getByTestId('human-comment'));
    await fireEvent.input(screen.getByTestId('human-comment-text'), { target: { value: 'nice catch' } });
    await fireEvent.click(screen.getByTestId('human-watch'));
    expect(await p).toEqual({ actions: ['watch', 'like', 'comment'], watchSec: 25, comment: 'nice catch' });
  });

  it('skip ignores the extras', async () => {
    const input = new HumanInput();
    const p = input.requestDecision(item('a'), 0, 0);
    render(HumanControls, { input, item: item('a') });
    await fireEvent.click(screen.getByTestId('human-like'));
    await fireEvent.click(screen.getByTestId('human-skip'));
    expect((await p).actions).toEqual(['skip']);
  });

  it('the instruction prompt sends the typed text', async () => {
    const input = new HumanInput();
    const p = input.requestInstruction();
    render(InstructionPrompt, { input });
    await fireEvent.input(screen.getByTestId('human-instruction'), { target: { value: 'shorter videos' } });
    await fireEvent.click(screen.getByTestId('human-send'));
    expect(await p).toBe('shorter videos');
  });
});
