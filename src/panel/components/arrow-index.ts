/**
 * Where an arrow, Home or End key moves in a row of `count` items from `at` (wrapping around at
 * either end, as in the ARIA menu and tabs patterns); -1 for any other key. `axis` names the arrows
 * that move: ←/→ for tabs, ↑/↓ for a menu.
 */
export function arrowIndex(key: string, at: number, count: number, axis: 'horizontal' | 'vertical'): number {
  const [back, forward] = axis === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  if (key === forward) return (at + 1) % count;
  if (key === back) return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return -1;
}
