import { useEffect, useState } from 'react';

/** The shared screen (a projector or touch screen in the room) is at least this wide; phones are narrower. */
const sharedScreenQuery = '(min-width: 1200px)';

export function useWideScreen(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(sharedScreenQuery).matches);
  useEffect(() => {
    const query = window.matchMedia(sharedScreenQuery);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}
