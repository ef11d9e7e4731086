/**
 * Saved policies of the Train view, in IndexedDB. Its own small Dexie database
 * ("recoworld-policies"), so the sessions database (src/storage/db.ts) and its migrations
 * stay untouched. Policies are the JSON of static-data/rl-policy.json.
 */
import Dexie, { type Table } from 'dexie';
import { parsePolicyJson, type PolicyJson } from '../../core/rl/policy';

export interface SavedPolicy {
  id?: number;
  name: string;
  savedAt: number;
  policy: PolicyJson;
}

class PolicyDb extends Dexie {
  policies!: Table<SavedPolicy, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ policies: '++id, name, savedAt' });
  }
}

/** The name a policy is saved under: trimmed, at most 80 characters, "policy" when empty. */
export function policyName(name: string): string {
  return name.trim().slice(0, 80) || 'policy';
}

export class PolicyStore {
  private readonly db: PolicyDb;
  constructor(name = 'recoworld-policies') {
    this.db = new PolicyDb(name);
  }

  /** Save (validated first: a bad policy is refused, nothing is written). */
  async save(name: string, policy: PolicyJson, now: number): Promise<number> {
    const p = parsePolicyJson(policy);
    return this.db.policies.add({ name: policyName(name), savedAt: now, policy: p });
  }

  async list(): Promise<SavedPolicy[]> {
    return (await this.db.policies.orderBy('savedAt').reverse().toArray()).slice(0, 200);
  }

  async remove(id: number): Promise<void> {
    await this.db.policies.delete(id);
  }

  close(): void {
    this.db.close();
  }
}

/** Most bytes of a policy file (one is about 2 kB). */
export const MAX_POLICY_BYTES = 1_000_000;

/** Read an imported policy file's text; a clear error says what is wrong. */
export function readPolicyFile(text: string, maxBytes = MAX_POLICY_BYTES): PolicyJson {
  if (text.length > maxBytes) throw new Error(`Policy file is larger than ${maxBytes} bytes`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`Policy file is not valid JSON: ${(e as Error).message}`);
  }
  return parsePolicyJson(v);
}

/**
 * Read an imported policy file, refusing one over the limit by its size before reading it
 * (a multi-GB file picked by mistake was read whole into a string first).
 */
export async function readPolicyBlob(file: Blob, maxBytes = MAX_POLICY_BYTES): Promise<PolicyJson> {
  if (file.size > maxBytes) throw new Error(`Policy file is ${(file.size / 1e6).toFixed(1)} MB, larger than ${maxBytes} bytes: a policy file is about 2 kB`);
  return readPolicyFile(await file.text(), maxBytes);
}
