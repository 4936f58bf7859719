/**
 * Sharing a werkgebied's map: a read-only link (`?bekijk=<werkgebied>`) and an
 * embed page for another website (`?ingebed=<werkgebied>`), each carrying the
 * map's filter (`soort`, `dimensie`, `domein`, placeFilter.ts). Nothing in them
 * names a person; they show what anyone may already read.
 */
export type ShareKind = 'link' | 'embed';

export interface ShareView {
  kind: ShareKind;
  werkgebiedId: string;
}

const parameterOf: Record<ShareKind, string> = { link: 'bekijk', embed: 'ingebed' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const filterParameters = ['soort', 'dimensie', 'domein'];

/** The share view a page address asks for; null for the app itself (or an id that is no id). */
export function shareViewFromSearch(search: string): ShareView | null {
  const parameters = new URLSearchParams(search);
  for (const kind of ['embed', 'link'] as const) {
    const id = parameters.get(parameterOf[kind]);
    if (id !== null) return uuid.test(id) ? { kind, werkgebiedId: id.toLowerCase() } : null;
  }
  return null;
}

/** The address of a share view at `appUrl` (the app's page), with the filter of `currentSearch` if asked. */
export function shareUrl(appUrl: string, view: ShareView, currentSearch: string, withFilter: boolean): string {
  const url = new URL(appUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(parameterOf[view.kind], view.werkgebiedId);
  if (withFilter) {
    const current = new URLSearchParams(currentSearch);
    for (const name of filterParameters) {
      const value = current.get(name);
      if (value) url.searchParams.set(name, value);
    }
  }
  return url.toString();
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML another website puts in its page to show the embed view. */
export function embedCode(url: string, title: string): string {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
}

/** The app's own address for the same werkgebied, for "open in Wijkkracht" from a share view. */
export function appUrlFor(shareAddress: string): string {
  const url = new URL(shareAddress);
  for (const kind of ['link', 'embed'] as const) url.searchParams.delete(parameterOf[kind]);
  return url.toString();
}
