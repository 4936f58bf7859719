/** Ticks or unticks one id, keeping at most `max` ticked (a further tick is ignored). */
export function toggleLimited(selected: readonly string[], id: string, max: number): string[] {
  if (selected.includes(id)) return selected.filter((item) => item !== id);
  if (selected.length >= max) return [...selected];
  return [...selected, id];
}
