import type { SupabaseClient } from '@supabase/supabase-js';
import type { Backend } from '../backend';

type Live = NonNullable<Backend['live']>;

/**
 * Broadcasts the database sends with realtime.send() (supabase/schemas/10_workshops.sql)
 * on private channels: Realtime lets a client listen only where the SELECT
 * policy on realtime.messages allows (a session's members, for `session:<id>`).
 * Broadcast rather than postgres_changes, as Supabase advises: one message per
 * change, checked once when the channel is joined instead of per row and listener.
 */
export function realtimeBroadcasts(client: SupabaseClient): Live {
  return {
    subscribe(topic, onMessage) {
      let channel: ReturnType<SupabaseClient['channel']> | null = null;
      let stopped = false;
      // The private channel is joined with the user's token, not the anon key.
      void client.realtime.setAuth().then(() => {
        if (stopped) return;
        channel = client
          .channel(topic, { config: { private: true } })
          .on('broadcast', { event: '*' }, (message: { event: string; payload?: Record<string, unknown> }) =>
            onMessage({ event: message.event, payload: message.payload ?? {} }),
          )
          .subscribe();
      });
      return () => {
        stopped = true;
        if (channel) void client.removeChannel(channel);
      };
    },
  };
}
