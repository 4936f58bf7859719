import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import { toApiError } from '../backend/apiError';
import type { AssetFeature } from '../backend/wireTypes';
import type { AssetChanges } from '../domain/types';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface Props {
  api: WijkkrachtApi;
  /** The place as last loaded; its version is the one the change is based on. */
  feature: AssetFeature;
  onSaved(feature: AssetFeature): void;
  /** Someone else changed it first: load it again (what was typed stays in the form). */
  onStale(): void;
  onCancel(): void;
}

/** Name and description as a form ("Bewerken"), saved only if nobody changed the place in between. */
export function AssetEditForm({ api, feature, onSaved, onStale, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(feature.properties.name);
  const [description, setDescription] = useState(feature.properties.description);
  const { busy: saving, error, run } = useAction('edit');
  const [stale, setStale] = useState(false);
  const ids = { title: useId(), name: useId(), description: useId() };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const changes: AssetChanges = {};
    if (name !== feature.properties.name) changes.name = name;
    if (description !== feature.properties.description) changes.description = description;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    await run(
      async () => onSaved(await api.updateAsset(feature.id, feature.properties.version, changes)),
      (failure) => {
        if (toApiError(failure).kind !== 'stale_version') return;
        setStale(true);
        onStale();
      },
    );
  }

  return (
    <form className="edit-form" aria-labelledby={ids.title} onSubmit={save} noValidate>
      <h3 id={ids.title}>{t('edit.title')}</h3>
      <label htmlFor={ids.name}>{t('edit.name')}</label>
      <input id={ids.name} value={name} maxLength={200} aria-required="true" onChange={(event) => setName(event.target.value)} />
      <label htmlFor={ids.description}>{t('edit.description')}</label>
      <textarea
        id={ids.description}
        value={description}
        rows={4}
        maxLength={5000}
        onChange={(event) => setDescription(event.target.value)}
      />
      <ErrorNote message={error} />
      {stale && (
        <div className="notice" data-testid="edit-now-saved">
          <p>{t('edit.nowSaved')}</p>
          <p>
            <strong>{feature.properties.name}</strong>
          </p>
          {feature.properties.description && <p>{feature.properties.description}</p>}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
