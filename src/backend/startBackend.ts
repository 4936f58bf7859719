import { supabaseSettings } from '../env';
import { createApi } from './api';
import type { Backend, StaffSignIn } from './backend';
import { createBackend, type BackendStartOptions } from './createBackend';

export interface StartingBackend {
  /**
   * Usable at once: every call waits until the database is ready and then runs
   * (or fails with the start's error). So the map and the screens can mount
   * before the database has started, and what they ask arrives when it can.
   */
  backend: Backend;
  /** The started backend; rejects when it could not start. */
  ready: Promise<Backend>;
}

/**
 * Starts the backend (createBackend.ts) once `startWhen` settles, and hands out
 * a stand-in for it at once. The map screen passes its first frame: starting
 * PGlite (downloading and compiling megabytes of WebAssembly) takes both cores
 * of a small machine, and the map should not wait for that.
 */
export function startBackend(options: BackendStartOptions = {}, startWhen: Promise<unknown> = Promise.resolve()): StartingBackend {
  const ready = startWhen.then(
    () => createBackend(options),
    () => createBackend(options),
  );
  // Each waiting call reports the start's failure itself; this one only keeps it from counting as unhandled.
  ready.catch(() => undefined);
  const shared = supabaseSettings() !== null;
  const transport: Backend['transport'] = async (functionName, args) => (await ready).transport(functionName, args);
  return {
    ready,
    backend: {
      name: shared ? 'supabase' : 'embedded',
      transport,
      api: createApi(transport),
      photos: {
        add: async (photo) => (await ready).photos.add(photo),
        read: async (photo) => (await ready).photos.read(photo),
      },
      ...(shared ? { staffSignIn: waitingStaffSignIn(ready) } : {}),
      live: {
        subscribe(topic, onMessage) {
          let unsubscribe: (() => void) | null = null;
          let cancelled = false;
          void ready.then(
            (backend) => {
              if (!cancelled && backend.live) unsubscribe = backend.live.subscribe(topic, onMessage);
            },
            () => undefined,
          );
          return () => {
            cancelled = true;
            unsubscribe?.();
          };
        },
      },
      close: async () => {
        const backend = await ready.catch(() => null);
        await backend?.close();
      },
    },
  };
}

function waitingStaffSignIn(ready: Promise<Backend>): StaffSignIn {
  const signIn = async () => {
    const backend = await ready;
    if (!backend.staffSignIn) throw new Error('This backend has no staff sign-in');
    return backend.staffSignIn;
  };
  return {
    email: async () => (await signIn()).email(),
    sendLink: async (email, returnTo) => (await signIn()).sendLink(email, returnTo),
    signOut: async () => (await signIn()).signOut(),
  };
}
