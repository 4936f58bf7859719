/**
 * The app's API on the shared stand-in project as one signed-in person, built
 * the way the app's Supabase backend builds it (supabase-js rpc() → /rest/v1 →
 * PostgREST), but with a session the test signed instead of a sign-in. For
 * setting a scene up as an administrator, or looking as someone else.
 */
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createPhotoStore } from '../../src/backend/photoStore';
import { storagePhotoFiles } from '../../src/backend/supabase/storagePhotoFiles';
import { createSupabaseRpcCall } from '../../src/backend/supabase/supabaseRpcCall';

interface Project {
  apiUrl: string;
  anonKey: string;
}

/**
 * One person on the project (a visitor without a token): the api and the photo
 * store as the app builds them, and the Storage bucket itself, to try what the
 * app never does (another path, another type, a second upload).
 */
export function personOnProject(project: Project, accessToken: string | null) {
  const client = createClient(project.apiUrl, project.anonKey, {
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; realtime is never used.
    realtime: { transport: ws as never },
  });
  const api = createApi(createSupabaseRpcCall(client));
  return { api, photos: createPhotoStore(api, storagePhotoFiles(client)), photoBucket: client.storage.from('photos') };
}

export function apiAs(project: Project, accessToken: string): WijkkrachtApi {
  return personOnProject(project, accessToken).api;
}
