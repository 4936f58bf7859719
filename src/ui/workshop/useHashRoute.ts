import { useEffect, useMemo, useState } from 'react';
import { routeFromHash, type WorkshopRoute } from './workshopRoute';

/**
 * The screen the URL hash asks for, following hashchange (links, the back
 * button, `location.hash = …`). MapLibre's own view updates use replaceState and
 * fire no hashchange; they never change the route anyway.
 */
export function useHashRoute(): WorkshopRoute {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const route = routeFromHash(hash);
  // The same screen keeps the same object, so effects keyed on it do not run again.
  const key = JSON.stringify(route);
  return useMemo(() => route, [key]);
}
