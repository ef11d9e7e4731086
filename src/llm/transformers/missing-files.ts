/**
 * Which files a self-hosted Transformers.js model folder lacks. Asked only after a load
 * failed: the library's own error for a missing file is often "Unexpected token '<'" (a
 * static host that answers every unknown path with the app's index.html) or "protobuf
 * parsing failed" (the same page read as ONNX), which names no file.
 */

/** The ONNX weights' file suffix per dtype (Transformers.js 4.x naming). */
const DTYPE_SUFFIX: Record<string, string> = {
  fp32: '',
  fp16: '_fp16',
  int8: '_int8',
  uint8: '_uint8',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

/** The files every model folder needs, and the weights file for `dtype` when its name is known. */
export function requiredModelFiles(dtype?: string): string[] {
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
  const suffix = dtype === undefined ? undefined : DTYPE_SUFFIX[dtype];
  if (suffix !== undefined) files.push(`onnx/model${suffix}.onnx`);
  return files;
}

/**
 * The required files the folder `<base>/<model>/` does not serve, each with why ("404",
 * "an HTML page, not the file"). HEAD requests, 5 s each at most; a file whose check fails
 * for another reason (network, a server without HEAD) is not listed, since it may exist.
 */
export async function missingModelFiles(base: string, model: string, dtype?: string, fetchFn: typeof fetch = fetch): Promise<string[]> {
  const folder = `${base.endsWith('/') ? base : `${base}/`}${model}/`;
  const checks = requiredModelFiles(dtype).map(async (file) => {
    try {
      const r = await fetchFn(folder + file, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
      if (r.status === 404 || r.status === 410) return `${file} (${r.status})`;
      if (r.ok && /text\/html/i.test(r.headers.get('content-type') ?? '')) return `${file} (the server sent an HTML page, not the file)`;
      return null;
    } catch {
      return null;
    }
  });
  return (await Promise.all(checks)).filter((m): m is string => m !== null);
}
