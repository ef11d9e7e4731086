/**
 * Voice entry for human mode (the paper's voice entry points) through the Web Speech API
 * where the browser offers it. Recognition in Chromium-based browsers sends the audio to
 * the browser vendor's server, so the UI says so before the person presses the mic; the
 * recognised words land in the text box, which stays editable before sending.
 */

/** The part of SpeechRecognition this app uses. */
export interface Recognizer {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((e: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognizerCtor = new () => Recognizer;

/** The browser's recognizer constructor, or null where the API is not offered. */
export function speechRecognizer(w: unknown = typeof window === 'undefined' ? undefined : window): RecognizerCtor | null {
  const g = w as { SpeechRecognition?: RecognizerCtor; webkitSpeechRecognition?: RecognizerCtor } | undefined;
  return g?.SpeechRecognition ?? g?.webkitSpeechRecognition ?? null;
}

/** Why voice is unavailable, in words for the person (null when it is available). */
export function voiceUnavailableReason(ctor: RecognizerCtor | null): string | null {
  return ctor ? null : 'Voice input is not offered by this browser: type the instruction instead.';
}

/** A plain message for a recognition error code. */
export function voiceErrorText(code: string): string {
  switch (code) {
    case 'not-allowed':
    case 'service-not-allowed':
      return 'Microphone access was refused: type the instruction instead.';
    case 'no-speech':
      return 'No speech was heard. Try again or type.';
    case 'network':
      return 'The speech service could not be reached (it needs a network connection): type the instruction instead.';
    case 'audio-capture':
      return 'No microphone was found: type the instruction instead.';
    default:
      return `Voice input failed (${code}): type the instruction instead.`;
  }
}

/** Join the final and interim pieces of a result list into one text. */
export function transcriptOf(results: ArrayLike<ArrayLike<{ transcript: string }>>): string {
  let out = '';
  for (let i = 0; i < results.length; i++) out += results[i][0]?.transcript ?? '';
  return out.trim();
}
