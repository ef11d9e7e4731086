/**
 * The simulated user's memory, as in the paper (§3.1, Eqs. 1-3): plain serialisable data
 * (it crosses the worker boundary and is stored with sessions); functions in this folder
 * operate on it.
 *
 * - interaction-wise memory: entries (action, item, time) with an importance score; entries
 *   whose importance falls below `retentionThreshold` are dropped;
 * - session-wise memory: one summary per finished session (mindset shifts, preferences).
 */
import type { ActionType, SessionSummary } from '../types';

export interface MemoryEntry {
  itemId: string;
  topic: string;
  action: ActionType;
  /** Epoch ms. */
  at: number;
  watchSec: number;
  /** Importance in [0, 1], conditioned on the context when written; decays over time. */
  importance: number;
}

export interface UserMemory {
  userId: string;
  interactions: MemoryEntry[];
  sessions: SessionSummary[];
  /** Entries with importance below this are forgotten. */
  retentionThreshold: number;
}

/** An empty memory for a user. */
export function emptyMemory(userId: string, retentionThreshold = 0.15): UserMemory {
  return { userId, interactions: [], sessions: [], retentionThreshold };
}
