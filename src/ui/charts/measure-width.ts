/**
 * Svelte action: report an element's content width as it changes, so charts can draw at
 * real pixel size (text stays 12 px instead of scaling with a viewBox). Where there is no
 * ResizeObserver (old browsers, test DOMs) the chart keeps its default width.
 */
export function measureWidth(node: HTMLElement, onwidth: (w: number) => void): { destroy(): void } {
  if (typeof ResizeObserver === 'undefined') return { destroy() {} };
  const ro = new ResizeObserver((entries) => {
    const w = entries[0]?.contentRect.width;
    if (w) onwidth(Math.round(w));
  });
  ro.observe(node);
  return { destroy: () => ro.disconnect() };
}
