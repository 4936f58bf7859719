import { useCallback, useEffect, useState } from 'react';
import { loadStoredBasemap, removeStoredBasemap, storeBasemap } from '../../basemap/basemapStore';
import type { BasemapFileError, StoredBasemap } from '../../basemap/storedBasemap';
import type { BasemapPreference } from '../../map/basemapSwitch';

export type BasemapProblem = BasemapFileError['reason'] | 'storeFailed';

const preferenceKey = 'wijkkracht.basemap';

function storedPreference(): BasemapPreference {
  return globalThis.localStorage?.getItem(preferenceKey) === 'stored' ? 'stored' : 'online';
}

/** The basemap file kept on this device: read at start, loaded from a chosen file, removed again; and which map the user prefers. */
export function useStoredBasemap() {
  const [basemap, setBasemap] = useState<StoredBasemap | null>(null);
  const [preference, setPreferenceState] = useState<BasemapPreference>(storedPreference);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<BasemapProblem | null>(null);
  /** The file loaded by the user in this session (not one read at start-up), so the map can show its area once. */
  const [loadedNow, setLoadedNow] = useState<StoredBasemap | null>(null);

  useEffect(() => {
    let current = true;
    // Without IndexedDB (a private window in an old browser) there is simply no stored map.
    loadStoredBasemap().then(
      (stored) => current && setBasemap(stored),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const load = useCallback(async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      // The reader (pmtiles) is loaded only when someone loads a file.
      const { BasemapFileError, readBasemapFile } = await import('../../basemap/storedBasemap');
      let read: StoredBasemap;
      try {
        read = await readBasemapFile(file);
      } catch (error) {
        setProblem(error instanceof BasemapFileError ? error.reason : 'unreadable');
        return;
      }
      await storeBasemap(read).then(
        () => {
          setBasemap(read);
          setLoadedNow(read);
        },
        () => setProblem('storeFailed'),
      );
    } finally {
      setBusy(false);
    }
  }, []);

  const remove = useCallback(async () => {
    setProblem(null);
    await removeStoredBasemap().then(
      () => setBasemap(null),
      () => setProblem('storeFailed'),
    );
  }, []);

  const setPreference = useCallback((next: BasemapPreference) => {
    globalThis.localStorage?.setItem(preferenceKey, next);
    setPreferenceState(next);
  }, []);

  return { basemap, loadedNow, preference, setPreference, busy, problem, load, remove };
}

export type StoredBasemapState = ReturnType<typeof useStoredBasemap>;
