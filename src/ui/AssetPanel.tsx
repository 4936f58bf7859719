import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetWithStories, Category } from '../backend/wireTypes';
import { categoryLabel } from './categoryLabel';
import { useErrorText } from './useErrorText';

interface AssetPanelProps {
  api: WijkkrachtApi;
  assetId: string;
  categories: Category[];
  onClose(): void;
}

/** Details of one asset, its stories, and a form to add one more. */
export function AssetPanel({ api, assetId, categories, onClose }: AssetPanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [details, setDetails] = useState<AssetWithStories | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [story, setStory] = useState('');
  const [storyError, setStoryError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per story until it is saved: a retry after a lost answer adds it once.
  const [storyKey, setStoryKey] = useState(() => crypto.randomUUID());
  const titleId = useId();
  const storyId = useId();

  useEffect(() => {
    let current = true;
    setDetails(null);
    setLoadError(null);
    api.getAsset(assetId).then(
      (result) => current && setDetails(result),
      (error: unknown) => current && setLoadError(errorText(error)),
    );
    return () => {
      current = false;
    };
    // errorText is rebuilt each render; the asset id is what matters here.
  }, [api, assetId]);

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

  const properties = details?.feature.properties;
  const category = categories.find((item) => item.id === properties?.category);

  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 id={titleId}>{properties?.name ?? t('details.loading')}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('details.close')}>
          ×
        </button>
      </div>
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {properties && (
        <>
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
          {properties.description && <p>{properties.description}</p>}
          {properties.attribution && (
            <p className="hint source-line">
              {t('source.label')}: {properties.attribution}
            </p>
          )}

          <h3>{t('details.stories')}</h3>
          {details.stories.length === 0 && <p className="hint">{t('details.noStories')}</p>}
          <ul className="stories">
            {details.stories.map((item) => (
              <li key={item.id}>
                <blockquote>{item.body}</blockquote>
                <p className="byline">
                  {item.author_name ?? t('details.anonymous')},{' '}
                  {new Date(item.created_at).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' })}
                </p>
              </li>
            ))}
          </ul>

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
            {storyError && (
              <p className="error" role="alert">
                {storyError}
              </p>
            )}
            <button type="submit" disabled={saving}>
              {t('details.saveStory')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
