/** Session transcripts (Markdown, printable HTML) for handouts. */
export * from './session-transcript';
