import { afterEach, describe, expect, it } from 'vitest';
import { openNodeApi } from './nodeApi';

// Node 20 has no global WebSocket (Node 22 has); remove it where there is one, and put it back after.
const nativeWebSocket = globalThis.WebSocket;
afterEach(() => {
  if (nativeWebSocket) globalThis.WebSocket = nativeWebSocket;
});

describe('the CLI on a Supabase project', () => {
  it('starts without a global WebSocket (supabase-js gets one from the ws package)', async () => {
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    // Nothing listens there: creating the client must not need a server.
    const environment = { SUPABASE_URL: 'http://127.0.0.1:9', SUPABASE_SERVICE_ROLE_KEY: 'service-role-key' };
    const backend = await openNodeApi('/nonexistent-database-folder', environment);
    expect(backend.description).toBe('http://127.0.0.1:9');
    await backend.close();
  });
});
