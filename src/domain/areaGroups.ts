import type { AreaLevel } from './types';

interface AreaFacts {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface AreaGroup {
  level: AreaLevel;
  areas: Array<{ code: string; label: string }>;
}

// Largest first: a werkgebied is most often one gemeente or a few wijken.
const levelOrder: AreaLevel[] = ['gemeente', 'wijk', 'buurt', 'pc4', 'other'];

/**
 * Imported areas to choose from, grouped by level and sorted by name; only
 * those whose name or code contains `filter`. A name that occurs twice in a
 * level gets its code, so every choice can be told apart.
 */
export function areaGroups(areas: readonly AreaFacts[], filter: string, locale: string): AreaGroup[] {
  const wanted = filter.trim().toLocaleLowerCase(locale);
  const groups: AreaGroup[] = [];
  for (const level of levelOrder) {
    const inLevel = areas.filter((area) => area.level === level);
    const seen = new Map<string, number>();
    for (const area of inLevel) seen.set(area.name, (seen.get(area.name) ?? 0) + 1);
    const matching = inLevel
      .filter((area) => !wanted || `${area.name} ${area.code}`.toLocaleLowerCase(locale).includes(wanted))
      .map((area) => ({ code: area.code, label: (seen.get(area.name) ?? 0) > 1 ? `${area.name} (${area.code})` : area.name }))
      .sort((a, b) => a.label.localeCompare(b.label, locale) || a.code.localeCompare(b.code));
    if (matching.length > 0) groups.push({ level, areas: matching });
  }
  return groups;
}
