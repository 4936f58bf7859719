import type { Backend } from '../backend';

type Live = NonNullable<Backend['live']>;
type OnMessage = Parameters<Live['subscribe']>[1];

/**
 * Hands each notification to the subscribers of its topic only. A notification
 * is JSON text `{"topic": string, "event": string, "payload": object}`, as the
 * database's stand-in for `realtime.send` writes it; anything else on the
 * channel is ignored.
 */
export function liveTopics(): Live & { deliver(notification: string): void } {
  const subscribers = new Map<string, Set<OnMessage>>();
  return {
    subscribe(topic, onMessage) {
      const ofTopic = subscribers.get(topic) ?? new Set();
      subscribers.set(topic, ofTopic.add(onMessage));
      return () => {
        ofTopic.delete(onMessage);
        if (ofTopic.size === 0) subscribers.delete(topic);
      };
    },
    deliver(notification) {
      const message = parseNotification(notification);
      if (!message) return;
      for (const onMessage of [...(subscribers.get(message.topic) ?? [])]) {
        onMessage({ event: message.event, payload: message.payload });
      }
    },
  };
}

function parseNotification(text: string): { topic: string; event: string; payload: Record<string, unknown> } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { topic, event, payload } = value as Record<string, unknown>;
  if (typeof topic !== 'string' || typeof event !== 'string') return null;
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  return { topic, event, payload: isObject ? (payload as Record<string, unknown>) : {} };
}
