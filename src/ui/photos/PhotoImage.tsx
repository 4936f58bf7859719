import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoStore } from '../../backend/photoStore';
import type { Photo } from '../../backend/wireTypes';

/**
 * One photo, read through the backend (the database or Storage, each checking
 * who may see it) and shown from an object URL that is let go when it leaves.
 */
export function PhotoImage({ store, photo, alt }: { store: PhotoStore; photo: Photo; alt: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // The file never changes (14_photos.sql): read again only for another photo, not for every reload of
  // the details (a new object with the same file). These are all that reading it depends on.
  const { id, storage_path: storagePath, mime_type: mimeType } = photo;

  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    setUrl(null);
    setFailed(false);
    store.read(photo).then(
      (file) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(file);
        setUrl(objectUrl);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [store, id, storagePath, mimeType]);

  if (failed) return <p className="photo-frame photo-failed">{t('photo.loadFailed')}</p>;
  // Width and height keep the space while it loads, so the panel does not jump.
  return url ? (
    <img className="photo-frame" src={url} alt={alt} width={photo.width} height={photo.height} data-photo-id={photo.id} />
  ) : (
    <div className="photo-frame photo-loading" style={{ aspectRatio: `${photo.width} / ${photo.height}` }} aria-hidden="true" />
  );
}
