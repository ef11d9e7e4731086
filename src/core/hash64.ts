/**
 * A streaming 64-bit content hash (two 32-bit streams: FNV-1a, and a multiply-xorshift
 * stream with another prime), fed string by string with a separator after each, so
 * ("ab", "c") and ("a", "bc") differ. Fast and not cryptographic: it tells versions of data
 * apart (cache keys), it guards nothing.
 */
export class Hash64 {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  /** Feed one string, then the separator. */
  str(s: string): this {
    let { a, b } = this;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 0xff, 0x01000193);
    this.b = Math.imul(b ^ 0xff, 0x5bd1e995) ^ (b >>> 15);
    return this;
  }

  /** The hash so far: 16 hex digits. */
  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}
