/**
 * Runs `refresh` once, `quietMs` after the first of a burst of requests: a
 * place and its story are two live messages but one change to show, so the
 * screen asks once instead of twice.
 */
export function afterBurst(refresh: () => void, quietMs: number): { request(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    request() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        refresh();
      }, quietMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
