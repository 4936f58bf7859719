/**
 * Credits as MapLibre's attribution control wants them: as HTML. An
 * attribution comes from an imported file and is stored with its rows, so
 * passing it on as HTML would show every visitor whatever markup (links,
 * images) a file brought in. So the text is escaped first, and only licence
 * and source names the app knows become links, to addresses the app chose.
 */

const knownLinks = new Map<string, string>([
  ['OpenStreetMap', 'https://www.openstreetmap.org/copyright'],
  ['ODbL', 'https://opendatacommons.org/licenses/odbl/'],
  ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
  ['PDOK', 'https://www.pdok.nl'],
]);

// Whole words only: "ODbL" in "ODbL-1.0" is the licence, in "xODbL" it is not. Longest first.
const knownName = new RegExp(
  `\\b(?:${[...knownLinks.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\b`,
  'g',
);

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** One credit as safe HTML: the text escaped, known names linked by the app. */
export function attributionHtml(text: string): string {
  // The names hold none of the escaped characters, so they are found as written, never inside an entity.
  const escaped = text.replace(/[&<>"']/g, (character) => entities[character]!);
  return escaped.replace(knownName, (name) => `<a href="${knownLinks.get(name)}" target="_blank" rel="noopener">${name}</a>`);
}
