/**
 * Keyboard moves in the semantic-ID icicle, the WAI-ARIA grid pattern read on its layout:
 * a row is a level (level 1 on top), so Left/Right go to the previous/next code of the
 * level, Up to the parent (the cell above), Down to the first child (the cell below, at its
 * left edge), Home/End to the first/last code of the level, Ctrl+Home/End to the first code
 * of level 1 / the last code of the deepest level. Edges stay put (no wrap). Pure: the
 * inspector moves the focus (roving tabindex) to the key returned.
 */
import type { IcicleCell } from './sid-tree';

/** The cells of each level, left to right (row 0 = level 1). */
export function icicleRows(cells: readonly IcicleCell[]): IcicleCell[][] {
  const rows: IcicleCell[][] = [];
  for (const c of cells) (rows[c.depth - 1] ??= []).push(c);
  for (const r of rows) r.sort((a, b) => a.x0 - b.x0);
  return rows.filter(Boolean);
}

/** Keys the icicle handles (the rest, Tab included, are left to the browser). */
export const ICICLE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * The cell `key` moves the focus to from the cell `from` (the same cell at an edge), or null
 * when the key is not one of the icicle's or `from` is not a cell.
 */
export function icicleMove(rows: readonly (readonly IcicleCell[])[], from: string, key: string, ctrl = false): string | null {
  if (!ICICLE_KEYS.has(key)) return null;
  const r = rows.findIndex((row) => row.some((c) => c.key === from));
  if (r < 0) return null;
  const row = rows[r];
  const i = row.findIndex((c) => c.key === from);
  switch (key) {
    case 'ArrowLeft':
      return row[Math.max(0, i - 1)].key;
    case 'ArrowRight':
      return row[Math.min(row.length - 1, i + 1)].key;
    case 'ArrowUp':
      return r === 0 ? from : from.slice(0, from.lastIndexOf('-'));
    case 'ArrowDown':
      return rows[r + 1]?.find((c) => c.key.startsWith(`${from}-`))?.key ?? from;
    case 'Home':
      return ctrl ? rows[0][0].key : row[0].key;
    default: // End
      return ctrl ? rows[rows.length - 1].at(-1)!.key : row[row.length - 1].key;
  }
}
