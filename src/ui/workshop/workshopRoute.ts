// The workshop's addresses live in the URL hash, beside MapLibre's own
// `kaart=zoom/lat/lon` (WijkMap keeps that one up to date with replaceState and
// leaves the other keys alone), so a reload or a shared link opens the same screen.
//
//   #workshop=<session id>           the session screen (shared screen or phone)
//   #workshop=<session id>&verslag   its printable summary
//   #meedoen=<CODE>                  joining with a code (what the QR code holds)

export type WorkshopRoute =
  { name: 'map' } | { name: 'join'; code: string } | { name: 'session'; sessionId: string } | { name: 'summary'; sessionId: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function routeFromHash(hash: string): WorkshopRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('meedoen');
  if (code !== null) return { name: 'join', code };
  const sessionId = params.get('workshop');
  // Anything else there is a broken link: the map is a better place to land than an error.
  if (sessionId === null || !uuidPattern.test(sessionId)) return { name: 'map' };
  return params.has('verslag') ? { name: 'summary', sessionId } : { name: 'session', sessionId };
}

export function sessionHash(sessionId: string): string {
  return `#workshop=${sessionId}`;
}

export function summaryHash(sessionId: string): string {
  return `#workshop=${sessionId}&verslag`;
}

/** What the QR code on the shared screen encodes: this app's own address, opening the join screen. */
export function joinUrl(location: { origin: string; pathname: string }, code: string): string {
  return `${location.origin}${location.pathname}#meedoen=${encodeURIComponent(code)}`;
}
