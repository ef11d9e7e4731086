/** Save text as a file through a temporary object URL (works offline, no server). */
export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe date stamp: 2026-11-25T21-04-05. */
export function stamp(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace(/:/g, '-');
}
