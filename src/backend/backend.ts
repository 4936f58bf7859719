import type { WijkkrachtApi } from './api';
import type { PhotoStore } from './photoStore';
import type { RpcTransport } from './rpcCall';

/** A running backend: where the data lives, and the seam the UI talks to. */
export interface Backend {
  name: 'embedded' | 'supabase';
  api: WijkkrachtApi;
  /** The calls `api` is built over (createApi); startBackend.ts builds a waiting api over it. */
  transport: RpcTransport;
  /** Photos: their rows through `api`, their files where this backend keeps them. */
  photos: PhotoStore;
  /**
   * Signing in by e-mail, for facilitators, planners and admins in shared mode;
   * residents stay anonymous. Absent in the embedded database (one local user).
   */
  staffSignIn?: StaffSignIn;
  /** Broadcasts from the database (Supabase Realtime in shared mode, NOTIFY across tabs in the embedded one). */
  live?: { subscribe(topic: string, onMessage: (message: { event: string; payload: Record<string, unknown> }) => void): () => void };
  close(): Promise<void>;
}

export interface StaffSignIn {
  /** The e-mail address of the signed-in staff member, or null for an anonymous resident. */
  email(): Promise<string | null>;
  /** Sends a sign-in link (magic link) that returns to `returnTo`. */
  sendLink(email: string, returnTo: string): Promise<void>;
  /** Back to an anonymous resident. */
  signOut(): Promise<void>;
}
