import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { PhotoStore } from '../../backend/photoStore';
import type { PlacePhoto } from '../../backend/wireTypes';
import { photosPerPlace } from '../../domain/photoRules';
import { ConfirmStep } from '../ConfirmStep';
import { ReportForm } from '../ReportForm';
import { useAction } from '../useAction';
import { PhotoAddForm } from './PhotoAddForm';
import { PhotoImage } from './PhotoImage';

interface Props {
  api: WijkkrachtApi;
  store: PhotoStore;
  assetId: string;
  placeName: string;
  photos: PlacePhoto[];
  /** May add one (signed in, the place on the map, not a circle, not a shared view). */
  mayAdd: boolean;
  mayReport: boolean;
  /** A shared view: only the photos, no actions. */
  readOnly: boolean;
  /** Something changed (added, removed, reported): the details load again; the message is said aloud. */
  onChanged(message: string): void;
}

/** A place's photos in its details, with "Foto toevoegen" and, per photo, "Foto weghalen" and "Melden". */
export function PlacePhotos({ api, store, assetId, placeName, photos, mayAdd, mayReport, readOnly, onChanged }: Props) {
  const { t } = useTranslation();
  if (photos.length === 0 && !mayAdd) return null;
  const live = photos.filter((photo) => photo.status !== 'rejected');
  return (
    <section className="place-photos" aria-label={t('photo.heading')}>
      <h3>{t('photo.heading')}</h3>
      {photos.length === 0 && <p className="hint">{t('photo.none')}</p>}
      <ul className="photo-list">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <figure>
              <PhotoImage store={store} photo={photo} alt={photo.caption || t('photo.alt', { number: index + 1, name: placeName })} />
              <figcaption>
                {photo.caption && <span>{photo.caption}</span>}
                {photo.status === 'pending' && <span className="photo-chip">{t('photo.pending')}</span>}
                {photo.status === 'hidden' && <span className="photo-chip">{t('photo.hidden')}</span>}
                {photo.status === 'rejected' && (
                  <span className="photo-chip">{t('photo.rejected', { note: photo.moderation_note ?? '' })}</span>
                )}
              </figcaption>
            </figure>
            {!readOnly && (photo.may_remove || (mayReport && photo.status === 'published')) && (
              <div className="asset-actions">
                {photo.may_remove && <RemovePhoto api={api} photoId={photo.id} onRemoved={() => onChanged(t('photo.removed'))} />}
                {mayReport && photo.status === 'published' && !photo.mine && (
                  <ReportForm api={api} itemType="photo" itemId={photo.id} onReported={onChanged} />
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {mayAdd &&
        (live.length >= photosPerPlace ? (
          <p className="hint">{t('photo.limitReached')}</p>
        ) : (
          <PhotoAddForm
            store={store}
            assetId={assetId}
            onAdded={(photo) => onChanged(t(photo.status === 'published' ? 'photo.savedPublished' : 'photo.savedPending'))}
          />
        ))}
    </section>
  );
}

function RemovePhoto({ api, photoId, onRemoved }: { api: WijkkrachtApi; photoId: string; onRemoved(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('photo.remove')}
      </button>
    );
  }
  return (
    <ConfirmStep
      label={t('photo.remove')}
      question={t('photo.removeQuestion')}
      confirmLabel={t('photo.remove')}
      busy={busy}
      error={error}
      onConfirm={() =>
        void run(async () => {
          await api.removePhoto(photoId);
          onRemoved();
        })
      }
      onCancel={() => setAsking(false)}
    />
  );
}
