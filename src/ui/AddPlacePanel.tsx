import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { PlaceDraft } from '../domain/placeDraft';
import type { AssetFeature, Category } from '../backend/wireTypes';
import { circleCategory } from '../domain/circles';
import { categoryLabel } from './categoryLabel';
import { CircleConsent } from './CircleConsent';
import type { SearchEntry } from '../domain/placeSearch';
import { PlaceLocationChooser } from './PlaceLocationChooser';
import { useDatabaseReady } from './databaseStatus';
import { DatabaseGettingReady } from './DatabaseStartNote';
import { DimensionPicker } from './DimensionPicker';
import { assetLocation } from './drawing/shapeDraft';
import type { ShapeDraftState } from './drawing/useShapeDraft';
import { useErrorText } from './useErrorText';

interface AddPlacePanelProps {
  api: WijkkrachtApi;
  categories: Category[];
  draft: PlaceDraft;
  restoredFromEarlier: boolean;
  setDraft(update: (current: PlaceDraft) => PlaceDraft): void;
  /** A walking route or area drawn for this form; without one, the tapped spot is saved as a place. */
  shapeDraft: ShapeDraftState;
  /** Put the keyboard's focus in the first field when the form opens (the spot was set with Enter, or is chosen without the map). */
  focusFirstField?: boolean;
  /** Buurten and places to choose the spot by, without the map ("Waar is de plek?"). */
  locationEntries: SearchEntry[];
  /** A spot was chosen by buurt or address: the map shows it. */
  onSpotChosen(lon: number, lat: number): void;
  onRedraw(): void;
  onSaved(feature: AssetFeature): void;
  onCancel(): void;
}

/** "Voeg een plek toe": the form beside (or under) the map once a spot is tapped or a shape is drawn. */
export function AddPlacePanel({
  api,
  categories,
  draft,
  restoredFromEarlier,
  setDraft,
  shapeDraft: { shape, clearShape },
  focusFirstField = false,
  locationEntries,
  onSpotChosen,
  onRedraw,
  onSaved,
  onCancel,
}: AddPlacePanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const databaseReady = useDatabaseReady();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Asked again for every circle: it is not kept with the draft.
  const [circleConsent, setCircleConsent] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // "Waar is de plek?" shows when the form opened without a spot, or when asked for; it stays once shown.
  const [choosingSpot, setChoosingSpot] = useState(draft.lon === null);
  // The name of a spot chosen by buurt or address; a tap on the map afterwards makes it a spot of its own.
  const [namedSpot, setNamedSpot] = useState<{ lon: number; lat: number; name: string } | null>(null);
  const spotName = namedSpot && namedSpot.lon === draft.lon && namedSpot.lat === draft.lat ? namedSpot.name : null;
  useEffect(() => {
    // The first field: the name, or "Waar is de plek?" when the form opened without a spot.
    if (focusFirstField) form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [focusFirstField]);
  const isCircle = draft.category === circleCategory;
  // One key for this place, sent with every try: saving again after a lost answer adds it once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const ids = { title: useId(), name: useId(), category: useId(), story: useId(), author: useId() };

  const field =
    <K extends keyof PlaceDraft>(key: K) =>
    (value: PlaceDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const location = assetLocation(draft, shape);
    if (saving) return;
    if (!location) {
      setChoosingSpot(true);
      setError(t('placeList.where.needed'));
      return;
    }
    if (isCircle && !circleConsent) {
      setError(t('circle.consentNeeded'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const feature = await api.addAsset({
        ...location,
        category: draft.category,
        name: draft.name,
        dimensions: draft.dimensions,
        story: draft.story,
        authorName: draft.authorName,
        idempotencyKey,
        circleConsent: isCircle && circleConsent,
      });
      clearShape();
      onSaved(feature);
    } catch (failure) {
      // The draft stays as typed (and stored); only the message changes.
      setError(errorText(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={form} className="panel" aria-labelledby={ids.title} onSubmit={save} noValidate>
      <h2 id={ids.title}>{shape ? t(`drawing.title.${shape.kind}`) : t('add.title')}</h2>
      {shape ? (
        <p className="hint">
          {t(`drawing.redrawHint.${shape.kind}`)}{' '}
          <button type="button" className="link-button" onClick={onRedraw}>
            {t('drawing.redraw')}
          </button>
        </p>
      ) : choosingSpot ? (
        <PlaceLocationChooser
          entries={locationEntries}
          located={draft.lon !== null}
          chosenName={spotName}
          onChoose={(lon, lat, name) => {
            setDraft((current) => ({ ...current, lon, lat }));
            setNamedSpot({ lon, lat, name });
            setError(null);
            onSpotChosen(lon, lat);
          }}
        />
      ) : (
        <p className="hint">
          {t('add.moveHint')}{' '}
          <button type="button" className="link-button" onClick={() => setChoosingSpot(true)}>
            {t('placeList.where.choose')}
          </button>
        </p>
      )}
      {restoredFromEarlier && <p className="notice">{t('add.draftRestored')}</p>}

      <label htmlFor={ids.name}>{t('add.name')}</label>
      <input
        id={ids.name}
        value={draft.name}
        aria-required="true"
        placeholder={t('add.namePlaceholder')}
        maxLength={200}
        onChange={(event) => field('name')(event.target.value)}
      />

      <label htmlFor={ids.category}>{t('add.category')}</label>
      <select id={ids.category} value={draft.category} aria-required="true" onChange={(event) => field('category')(event.target.value)}>
        <option value="">{t('add.chooseCategory')}</option>
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {categoryLabel(category, i18n.language)}
          </option>
        ))}
      </select>

      {isCircle && <CircleConsent given={circleConsent} onChange={setCircleConsent} />}

      <DimensionPicker selected={draft.dimensions} onChange={field('dimensions')} />

      <label htmlFor={ids.story}>{t('add.story')}</label>
      <textarea
        id={ids.story}
        value={draft.story}
        rows={4}
        maxLength={5000}
        placeholder={t('add.storyPlaceholder')}
        onChange={(event) => field('story')(event.target.value)}
      />

      <label htmlFor={ids.author}>{t('add.authorName')}</label>
      <input id={ids.author} value={draft.authorName} maxLength={100} onChange={(event) => field('authorName')(event.target.value)} />

      <DatabaseGettingReady />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {/* What was typed is kept meanwhile (the draft is stored on every keystroke). */}
        <button type="submit" className="primary" disabled={saving || !databaseReady}>
          {saving ? t('add.saving') : t('add.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            // Cancelling drops a drawn shape; what was typed stays, as for a place.
            clearShape();
            onCancel();
          }}
        >
          {t('add.cancel')}
        </button>
      </div>
    </form>
  );
}
