/**
 * Server-sent events, the way OpenAI-compatible servers stream chat completions:
 * `data: {...}` lines separated by blank lines, ending with `data: [DONE]`.
 *
 * The parser is incremental and bounded: each pushed chunk is scanned once (only the
 * unfinished last line is carried over, and the scan for its end resumes where the last
 * one stopped), and a line or an event larger than the caps is an error rather than a
 * buffer that grows until the page freezes or runs out of memory.
 */

/** Default cap on one line (and on one event's joined data): 1 MiB of characters. */
export const DEFAULT_MAX_SSE_LINE_CHARS = 1 << 20;

/** A stream that broke the parser's bounds. */
export class SseLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SseLimitError';
  }
}

/** Incremental SSE parser: `push` text, get the complete events' `data` payloads. */
export class SseParser {
  /** Pieces of the unfinished last line (together never more than `maxLineChars`). */
  private pending: string[] = [];
  private pendingChars = 0;
  /** The last chunk ended in '\r': a '\n' starting the next one belongs to it. */
  private afterCR = false;
  private data: string[] = [];
  private dataChars = 0;
  /** Characters examined so far, for the linearity test (each input character once). */
  scannedChars = 0;

  constructor(private readonly maxLineChars = DEFAULT_MAX_SSE_LINE_CHARS) {}

  /** Feed decoded text; returns the data of the events completed by it, in order. */
  push(chunk: string): string[] {
    const out: string[] = [];
    let start = 0;
    if (this.afterCR && chunk.charCodeAt(0) === 10) {
      start = 1;
      this.scannedChars++;
    }
    this.afterCR = false;
    // Only the new chunk is scanned: the pending pieces are known to hold no line end.
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.scannedChars += i + 1 - start;
      const piece = chunk.slice(start, i);
      const line = this.pending.length ? this.pending.join('') + piece : piece;
      this.pending = [];
      this.pendingChars = 0;
      if (line.length > this.maxLineChars) throw this.tooLong();
      this.line(line, out);
      if (c === 13) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === 10) {
            i++;
            this.scannedChars++;
          }
        } else this.afterCR = true;
      }
      start = i + 1;
    }
    this.scannedChars += chunk.length - start;
    if (start < chunk.length) {
      this.pending.push(chunk.slice(start));
      this.pendingChars += chunk.length - start;
      if (this.pendingChars > this.maxLineChars) throw this.tooLong();
    }
    return out;
  }

  /** The stream ended: the data of a last event that was not closed by a blank line. */
  end(): string[] {
    const out: string[] = [];
    if (this.pending.length) this.line(this.pending.join(''), out);
    this.pending = [];
    this.pendingChars = 0;
    if (this.data.length) out.push(this.data.join('\n'));
    this.data = [];
    this.dataChars = 0;
    return out;
  }

  private tooLong(): SseLimitError {
    return new SseLimitError(`The server sent a stream line longer than ${this.maxLineChars} characters without a line break.`);
  }

  private line(line: string, out: string[]): void {
    if (line === '') {
      if (this.data.length) out.push(this.data.join('\n'));
      this.data = [];
      this.dataChars = 0;
    } else if (line.startsWith('data:')) {
      const value = line.slice(line[5] === ' ' ? 6 : 5);
      this.dataChars += value.length + 1;
      if (this.dataChars > this.maxLineChars) {
        throw new SseLimitError(`The server sent one stream event longer than ${this.maxLineChars} characters.`);
      }
      this.data.push(value);
    }
    // other fields (event:, id:, retry:) and comments (": ping") are not used by chat
    // completions; the engine counts their bytes as signs of life (idle timer).
  }
}

/** The `data` payloads of an SSE byte stream, in order (multi-line data joined with "\n"). */
export async function* sseData(body: ReadableStream<Uint8Array>, maxLineChars = DEFAULT_MAX_SSE_LINE_CHARS): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser(maxLineChars);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        yield* parser.push(decoder.decode());
        yield* parser.end();
        return;
      }
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
