/**
 * The UI side of human mode: a runes class that holds the pending request (which item
 * the person is deciding on, or whether an instruction is awaited) and resolves it
 * when a button is pressed.
 */
import type { Item } from '../../core/types';
import type { HumanChoice, HumanInputSource } from './human-simulator';

/** Pending requests from the human simulator, answered by the card's controls. */
export class HumanInput implements HumanInputSource {
  pendingItem = $state<{ item: Item; position: number; turn: number } | null>(null);
  awaitingInstruction = $state(false);

  private resolveDecision: ((c: HumanChoice) => void) | null = null;
  private resolveInstruction: ((t: string | null) => void) | null = null;

  requestDecision(item: Item, position: number, turn: number): Promise<HumanChoice> {
    this.pendingItem = { item, position, turn };
    return new Promise((resolve) => {
      this.resolveDecision = resolve;
    });
  }

  requestInstruction(): Promise<string | null> {
    this.awaitingInstruction = true;
    return new Promise((resolve) => {
      this.resolveInstruction = resolve;
    });
  }

  /** The person acted on the pending item. */
  decide(choice: HumanChoice): void {
    const r = this.resolveDecision;
    this.resolveDecision = null;
    this.pendingItem = null;
    r?.(choice);
  }

  /** The person typed an instruction (or null: leave silently). */
  instruct(text: string | null): void {
    const r = this.resolveInstruction;
    this.resolveInstruction = null;
    this.awaitingInstruction = false;
    r?.(text);
  }

  /** Drop pending requests (the run was stopped): they resolve as "leave silently". */
  cancel(): void {
    if (this.resolveDecision) this.decide({ actions: ['leave'], watchSec: 0 });
    if (this.resolveInstruction) this.instruct(null);
  }
}
