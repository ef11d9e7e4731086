/**
 * Caption-once for imported images (SimUSER's perception step): a small Transformers.js
 * image-to-text model writes one caption per image, to be appended to the item's text.
 *
 * UNTESTED: no vision-model weights can be downloaded on the machines this was written on,
 * and shared/models has no vision model, so `captionImages` has never run. Only the
 * capability check is tested. It is not wired into the app.
 */
import { applySource, TjsLoadError, type LoadArgs, type TjsModule } from './runtime';

/** A small captioning model on the hub (ONNX export). */
export const DEFAULT_CAPTION_MODEL = 'Xenova/vit-gpt2-image-captioning';

export interface CaptionCapability {
  ok: boolean;
  /** Why not, in words for the person. */
  reason?: string;
}

/** Can this environment decode images for a vision model (in a worker: OffscreenCanvas + createImageBitmap)? */
export function captionCapability(g: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): CaptionCapability {
  if (typeof g.WebAssembly !== 'object') return { ok: false, reason: 'WebAssembly is not available' };
  if (typeof g.OffscreenCanvas !== 'function') return { ok: false, reason: 'OffscreenCanvas is not available (images cannot be decoded off the page)' };
  if (typeof g.createImageBitmap !== 'function') return { ok: false, reason: 'createImageBitmap is not available' };
  return { ok: true };
}

/** UNTESTED (see the file comment). One caption per image URL or Blob, in order. */
export async function captionImages(tjs: TjsModule, args: LoadArgs, images: (string | Blob)[], opts: { maxNewTokens?: number } = {}): Promise<string[]> {
  const cap = captionCapability();
  if (!cap.ok) throw new TjsLoadError(`Captions are not possible here: ${cap.reason}`);
  applySource(tjs, args);
  const fn = (await tjs.pipeline('image-to-text', args.model, { device: args.device, dtype: args.dtype })) as (x: string | Blob, o: Record<string, unknown>) => Promise<{ generated_text: string }[]>;
  const out: string[] = [];
  for (const img of images) {
    const r = await fn(img, { max_new_tokens: Math.max(1, Math.min(64, opts.maxNewTokens ?? 24)) });
    out.push((r[0]?.generated_text ?? '').trim());
  }
  return out;
}
