const eventName = 'wijkkracht:map-painted';
// Without a map (or when WebGL fails) the database must not wait for ever.
const longestWaitMs = 5000;

// The map may be drawn before anything waits for it (mapStart.ts starts it before the app).
let paintedOnce = false;

/** WijkMap (or mapStart.ts) calls this once the map's first frame is drawn. */
export function announceMapPainted(): void {
  paintedOnce = true;
  window.dispatchEvent(new Event(eventName));
}

/** Resolves when the first map has drawn its first frame, or after a few seconds at most. */
export function mapPainted(): Promise<void> {
  if (paintedOnce) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener(eventName, done);
      resolve();
    };
    const timer = setTimeout(done, longestWaitMs);
    window.addEventListener(eventName, done);
  });
}
