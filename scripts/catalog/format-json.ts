/**
 * Compact, stable JSON layout for the committed data files: containers are expanded
 * one child per line until a child fits in `inlineWidth` characters, then written on one
 * line. One item per line keeps diffs readable and lets import errors point at a line.
 */
export function formatJson(value: unknown, inlineWidth: number): string {
  return fmt(value, '', inlineWidth) + '\n';
}

function fmt(value: unknown, indent: string, width: number): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || flat.length + indent.length <= width) return flat;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[\n' + value.map((v) => inner + fmt(v, inner, width)).join(',\n') + '\n' + indent + ']';
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return '{\n' + entries.map(([k, v]) => inner + JSON.stringify(k) + ': ' + fmt(v, inner, width)).join(',\n') + '\n' + indent + '}';
}
