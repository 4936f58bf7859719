/** A count per key as rows to list, most first, then by label: "Park of groen 4, Buurthuis 2". */
export function countRows(
  counts: Partial<Record<string, number>>,
  label: (key: string) => string,
): Array<{ key: string; label: string; count: number }> {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .map(([key, count]) => ({ key, label: label(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** A session's date (yyyy-mm-dd) as people write it: "2 december 2026" (English texts are British: "2 December 2026"). */
export function formatHeldOn(heldOn: string, language: string): string {
  const [year, month, day] = heldOn.split('-').map(Number);
  if (!year || !month || !day) return heldOn;
  // Noon UTC, so no time zone moves the day.
  return new Date(Date.UTC(year, month - 1, day, 12)).toLocaleDateString(language.startsWith('en') ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
