import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../backend/apiError';
import { useErrorText } from '../useErrorText';

/** While the network is gone, try again this often (besides on the browser's 'online'). */
const retryMs = 5000;

interface Delivery<Draft extends { sending: boolean }, Result> {
  draft: Draft;
  update(change: Partial<Draft>): void;
  send(draft: Draft): Promise<Result>;
  onDelivered(result: Result): void;
}

/**
 * Sends a draft once the participant pressed save (`sending` in the stored
 * draft), and keeps trying while the network is gone: on 'online', every few
 * seconds, and after a reload (the draft still says `sending`). Every try
 * carries the draft's one idempotency key, so it lands once. A refusal (not a
 * lost network) stops the tries and is shown; the draft stays as typed.
 */
export function useDelivery<Draft extends { sending: boolean }, Result>({ draft, update, send, onDelivered }: Delivery<Draft, Result>) {
  const errorText = useErrorText();
  const [waitingForNetwork, setWaitingForNetwork] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ draft, update, send, onDelivered, errorText });
  latest.current = { draft, update, send, onDelivered, errorText };

  const attempt = useCallback(async () => {
    if (inFlight.current || !latest.current.draft.sending) return;
    inFlight.current = true;
    try {
      const result = await latest.current.send(latest.current.draft);
      setWaitingForNetwork(false);
      latest.current.onDelivered(result);
    } catch (failure) {
      if (toApiError(failure).kind === 'offline' || !navigator.onLine) {
        setWaitingForNetwork(true);
      } else {
        setWaitingForNetwork(false);
        setRefusal(latest.current.errorText(failure));
        latest.current.update({ sending: false } as Partial<Draft>);
      }
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    if (draft.sending) void attempt();
  }, [draft.sending, attempt]);

  useEffect(() => {
    if (!waitingForNetwork) return;
    const retry = () => void attempt();
    const timer = setInterval(retry, retryMs);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [waitingForNetwork, attempt]);

  const save = useCallback(() => {
    setRefusal(null);
    update({ sending: true } as Partial<Draft>);
  }, [update]);

  return { save, sending: draft.sending, waitingForNetwork, refusal, setRefusal };
}
