import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { PhotoStore } from '../backend/photoStore';
import type { AssetFeature, Category, MyRoles } from '../backend/wireTypes';
import { linkLines } from '../map/linkLayers';
import { AssetLinks } from './AssetLinks';
import { FreshnessNote } from './FreshnessNote';
import { mayArchive, mayEdit, mayReport, maySeeHistory } from '../domain/roles';
import { ArchiveControl } from './ArchiveControl';
import { AssetEditForm } from './AssetEditForm';
import { AssetHistory } from './AssetHistory';
import { AssetStatusNote } from './AssetStatusNote';
import { categoryLabel } from './categoryLabel';
import { CircleNote } from './CircleNote';
import { ErrorNote } from './ErrorNote';
import { PlacePhotos } from './photos/PlacePhotos';
import { ReportForm } from './ReportForm';
import { StoryList } from './StoryList';
import { useAssetDetails } from './useAssetDetails';
import { useErrorText } from './useErrorText';

interface AssetPanelProps {
  api: WijkkrachtApi;
  /** Where its photos' files are read and added (the backend's). */
  photoStore: PhotoStore;
  assetId: string;
  categories: Category[];
  /** What the user may do; null while unknown (then only reading and adding a story). */
  roles: MyRoles | null;
  /** A shared map (read-only link, embed page): nothing to add, only to read. */
  viewOnly?: boolean;
  /** The places the map holds: what this place may be connected to. */
  places: AssetFeature[];
  /** After how many months unconfirmed a place in this werkgebied may be gone. */
  staleAfterMonthsOf(werkgebiedId: string | null): number;
  /** The place changed (edited, archived, put back, undone, reported): the map and the queue load again. */
  onChanged(message: string): void;
  /** Opens another place's details (a connection's other end). */
  onOpenAsset(assetId: string): void;
  /** The lines of this place's connections, for the map; an empty collection when the panel closes. */
  onLinksShown(lines: FeatureCollection): void;
  onClose(): void;
}

const noLines: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Details of one asset, its stories, and a form to add one more; for its author and facilitators also edit, archive and history. */
export function AssetPanel({
  api,
  photoStore,
  assetId,
  categories,
  roles,
  viewOnly = false,
  places,
  staleAfterMonthsOf,
  onChanged,
  onOpenAsset,
  onLinksShown,
  onClose,
}: AssetPanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { details, setDetails, loadError, reload } = useAssetDetails(api, assetId);
  const [editing, setEditing] = useState(false);
  const [story, setStory] = useState('');
  const [storyError, setStoryError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per story until it is saved: a retry after a lost answer adds it once.
  const [storyKey, setStoryKey] = useState(() => crypto.randomUUID());
  const titleId = useId();
  const storyId = useId();

  async function addStory(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setStoryError(null);
    try {
      const saved = await api.addStory({ assetId, body: story, idempotencyKey: storyKey });
      setDetails((current) => current && { ...current, stories: [...current.stories, saved] });
      setStory('');
      setStoryKey(crypto.randomUUID());
    } catch (error) {
      setStoryError(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  const links = details?.links;
  useEffect(() => onLinksShown(links ? linkLines(links) : noLines), [links, onLinksShown]);
  useEffect(() => () => onLinksShown(noLines), [onLinksShown]);

  const changed = (message: string) => {
    void reload();
    onChanged(message);
  };

  const feature = details?.feature;
  const properties = feature?.properties;
  // What this user may do here; on a shared map (view-only) nothing, whoever opens it.
  const may =
    properties && !viewOnly
      ? {
          edit: mayEdit(roles, properties),
          archive: mayArchive(roles, properties),
          report: mayReport(roles?.signed_in ?? false, properties),
          history: maySeeHistory(roles, properties),
          confirm: roles?.signed_in ?? false,
          // Not on a circle (14_photos.sql), nor on a place that is off the map.
          addPhoto:
            (roles?.signed_in ?? false) &&
            properties.category !== 'cirkel' &&
            properties.status !== 'archived' &&
            properties.status !== 'rejected',
        }
      : { edit: false, archive: false, report: false, history: false, confirm: false, addPhoto: false };
  const category = categories.find((item) => item.id === properties?.category);

  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 id={titleId}>{properties?.name ?? t('details.loading')}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('details.close')}>
          ×
        </button>
      </div>
      <ErrorNote message={loadError === null ? null : errorText(loadError)} />
      {feature && properties && (
        <>
          <AssetStatusNote api={api} feature={feature} mayRestore={may.history} onChanged={changed} />
          <p className="category-line">
            <span className="swatch" style={{ background: category?.color }} aria-hidden="true" />
            {categoryLabel(category, i18n.language)}
          </p>
          {properties.dimensions.length > 0 && (
            <p className="helps-with">
              {t('details.helpsWith')}:{' '}
              {properties.dimensions.map((dimension) => (
                <span key={dimension} className="chip chip-on chip-static">
                  {t(`dimension.${dimension}`)}
                </span>
              ))}
            </p>
          )}
          {editing ? (
            <AssetEditForm
              api={api}
              feature={feature}
              onSaved={(updated) => {
                setDetails((current) => current && { ...current, feature: updated });
                setEditing(false);
                changed(t('edit.saved'));
              }}
              onStale={() => void reload()}
              onCancel={() => setEditing(false)}
            />
          ) : (
            properties.description && <p>{properties.description}</p>
          )}
          <PlacePhotos
            api={api}
            store={photoStore}
            assetId={feature.id}
            placeName={properties.name}
            photos={details.photos}
            mayAdd={may.addPhoto && !editing}
            mayReport={may.confirm}
            readOnly={viewOnly}
            onChanged={changed}
          />
          {details.circle && (
            <CircleNote
              api={api}
              feature={feature}
              circle={viewOnly ? { ...details.circle, may_withdraw: false } : details.circle}
              onWithdrawn={(message) => {
                onChanged(message);
                onClose();
              }}
            />
          )}
          <FreshnessNote
            api={api}
            feature={feature}
            staleAfterMonths={staleAfterMonthsOf(properties.werkgebied_id)}
            mayConfirm={may.confirm}
            onConfirmed={(updated, message) => {
              setDetails((current) => current && { ...current, feature: updated });
              onChanged(message);
            }}
            onReported={changed}
          />
          {properties.attribution && (
            <p className="hint source-line">
              {t('source.label')}: {properties.attribution}
            </p>
          )}
          {!editing && (may.edit || may.archive || may.report) && (
            <div className="asset-actions">
              {may.edit && (
                <button type="button" onClick={() => setEditing(true)}>
                  {t('details.edit')}
                </button>
              )}
              {may.archive && <ArchiveControl api={api} feature={feature} onChanged={changed} />}
              {may.report && <ReportForm api={api} itemType="asset" itemId={feature.id} onReported={changed} />}
            </div>
          )}
          <AssetLinks
            api={api}
            feature={feature}
            links={details.links}
            categories={categories}
            places={places}
            mayConnect={may.edit}
            readOnly={viewOnly}
            onOpen={onOpenAsset}
            onChanged={changed}
          />
          {may.history && <AssetHistory api={api} assetId={feature.id} version={properties.version} onChanged={changed} />}

          <h3>{t('details.stories')}</h3>
          <StoryList stories={details.stories} showAuthors={!viewOnly} />

          {!editing && !viewOnly && properties.status !== 'archived' && properties.status !== 'rejected' && (
            <form onSubmit={addStory} noValidate>
              <label htmlFor={storyId}>{t('details.addStory')}</label>
              <textarea
                id={storyId}
                rows={3}
                value={story}
                maxLength={5000}
                placeholder={t('details.storyPlaceholder')}
                onChange={(event) => setStory(event.target.value)}
              />
              <ErrorNote message={storyError} />
              <button type="submit" disabled={saving}>
                {t('details.saveStory')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
