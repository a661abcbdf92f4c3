/**
 * Where to scroll a strip or grid so the current image is in view. Kept a
 * plain function so the rules are testable: no scroll when it is already in
 * view (a click must not move the cell under the mouse), a small step when it
 * is just past an edge (arrowing through keeps context, not jumps), and
 * centred when it is far away (a jump, e.g. opening the grid at image 50,000).
 */
export function revealOffset(
  start: number,
  end: number,
  viewStart: number,
  viewSize: number,
  /** room to keep between the item and the edge, so the next one is visible too */
  margin: number,
): number | null {
  const size = end - start;
  // a margin the view cannot afford shrinks, so a small view still shows the whole item
  const room = Math.max(0, Math.min(margin, (viewSize - size) / 2));
  const viewEnd = viewStart + viewSize;
  if (start - room >= viewStart && end + room <= viewEnd) return null;
  const far = end < viewStart - viewSize || start > viewEnd + viewSize;
  if (far) return Math.max(0, Math.round(start - (viewSize - size) / 2));
  if (start - room < viewStart) return Math.max(0, start - room);
  return end + room - viewSize;
}
