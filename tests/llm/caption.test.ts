import { describe, expect, it } from 'vitest';
import { captionCapability } from '../../src/llm/transformers/caption';

describe('caption-once capability check (the captioning itself is untested: no vision weights)', () => {
  it('says what is missing', () => {
    expect(captionCapability({})).toEqual({ ok: false, reason: 'WebAssembly is not available' });
    expect(captionCapability({ WebAssembly: {} }).reason).toMatch(/OffscreenCanvas/);
    expect(captionCapability({ WebAssembly: {}, OffscreenCanvas: function () {} }).reason).toMatch(/createImageBitmap/);
    expect(captionCapability({ WebAssembly: {}, OffscreenCanvas: function () {}, createImageBitmap: () => 0 })).toEqual({ ok: true });
    // Node has no OffscreenCanvas.
    expect(captionCapability().ok).toBe(false);
  });
});
