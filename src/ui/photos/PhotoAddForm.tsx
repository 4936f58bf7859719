import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoStore } from '../../backend/photoStore';
import type { Photo } from '../../backend/wireTypes';
import { photoCaptionMaxLength } from '../../domain/photoRules';
import { PhotoRefusedError, preparePhoto, type PreparedPhoto } from '../../photos/preparePhoto';
import { ErrorNote } from '../ErrorNote';
import { useAction } from '../useAction';

interface Props {
  store: PhotoStore;
  assetId: string;
  onAdded(photo: Photo): void;
}

/**
 * "Foto toevoegen": choose a photo, see it made smaller (and its location data
 * gone) on this device, say in a few words what is on it, and post it.
 */
export function PhotoAddForm({ store, assetId, onAdded }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [prepared, setPrepared] = useState<PreparedPhoto | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [caption, setCaption] = useState('');
  // One key per photo until it is posted: a retry after a lost answer adds it once.
  const [photoKey, setPhotoKey] = useState(() => crypto.randomUUID());
  const { busy: saving, error, setError, run } = useAction();
  // Which choice is being made smaller: a photo chosen later wins, whichever finishes first.
  const latestChoice = useRef(0);
  const fileId = useId();
  const captionId = useId();
  const hintId = useId();

  function close() {
    setOpen(false);
    setPrepared(null);
    setCaption('');
    setError(null);
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    const choice = ++latestChoice.current;
    setPrepared(null);
    setError(null);
    if (!file) return;
    setPreparing(true);
    try {
      const photo = await preparePhoto(file);
      if (choice !== latestChoice.current) return;
      setPrepared(photo);
      setPhotoKey(crypto.randomUUID());
    } catch (failure) {
      if (choice !== latestChoice.current) return;
      const problem = failure instanceof PhotoRefusedError ? failure.problem : 'unreadable';
      setError(t(`photo.refused.${problem}`));
      input.value = '';
    } finally {
      if (choice === latestChoice.current) setPreparing(false);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving || preparing) return;
    if (!prepared) {
      setError(t('photo.chooseFirst'));
      return;
    }
    await run(async () => {
      const photo = await store.add({
        assetId,
        file: prepared.file,
        mimeType: prepared.mimeType,
        width: prepared.width,
        height: prepared.height,
        caption: caption.trim() || undefined,
        idempotencyKey: photoKey,
      });
      close();
      setPhotoKey(crypto.randomUUID());
      onAdded(photo);
    });
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('photo.add')}
      </button>
    );
  }
  return (
    <form className="photo-add-form" onSubmit={save} noValidate aria-busy={preparing || saving}>
      <label htmlFor={fileId}>{t('photo.choose')}</label>
      <p className="hint" id={hintId}>
        {t('photo.privacy')} {t('photo.people')}
      </p>
      <input
        id={fileId}
        type="file"
        accept="image/*"
        aria-describedby={hintId}
        disabled={saving}
        onChange={(event) => void choose(event)}
      />
      <p className="hint" role="status">
        {preparing
          ? t('photo.preparing')
          : prepared
            ? t('photo.ready', { width: prepared.width, height: prepared.height, size: Math.round(prepared.file.size / 1000) })
            : ''}
      </p>
      <label htmlFor={captionId}>{t('photo.caption')}</label>
      <input
        id={captionId}
        type="text"
        value={caption}
        maxLength={photoCaptionMaxLength}
        onChange={(event) => setCaption(event.target.value)}
      />
      <ErrorNote message={error} />
      <div className="actions">
        <button type="submit" disabled={saving || preparing}>
          {saving ? t('photo.saving') : t('photo.save')}
        </button>
        <button type="button" onClick={close} disabled={saving}>
          {t('photo.cancel')}
        </button>
      </div>
    </form>
  );
}
