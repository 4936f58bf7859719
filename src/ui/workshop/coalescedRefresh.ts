/**
 * Runs `refresh` on request, never two at once: requests that arrive while one
 * runs become one more run after it. A burst of live messages (a place and its
 * story, ten phones at once) then costs two requests, not twenty, and the last
 * answer is never older than the last message.
 */
export function coalescedRefresh(refresh: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await refresh();
      } catch {
        // The caller's refresh reports its own failures; the next request tries again.
      }
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };
}
