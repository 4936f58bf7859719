const eventName = 'wijkkracht:map-painted';
// Without a map (or when WebGL fails) the database must not wait for ever.
const longestWaitMs = 5000;

/** WijkMap calls this once its first frame is drawn. */
export function announceMapPainted(): void {
  window.dispatchEvent(new Event(eventName));
}

/** Resolves when the first map has drawn its first frame, or after a few seconds at most. */
export function mapPainted(): Promise<void> {
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
