import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../backend/backend';
import type { Category } from '../../backend/wireTypes';
import { appUrlFor, type ShareView } from '../../domain/shareLink';
import { AssetPanel } from '../AssetPanel';
import { DatabaseStartNote } from '../DatabaseStartNote';
import { LanguageSwitch } from '../LanguageSwitch';
import { MapView } from '../MapView';
import { focusOn } from '../mapFocus';
import { PlaceFilterControl } from '../PlaceFilterControl';
import { useAssets } from '../useAssets';
import { useFilteredAssets, usePlaceFilter } from '../usePlaceFilter';
import { useMapContext } from '../useMapContext';
import { useStaleMarks } from '../useStaleMarks';
import { useWerkgebieden } from '../useWerkgebieden';
import { defaultStaleAfterMonths } from '../../domain/freshness';

const noStale = () => defaultStaleAfterMonths;
const nothing = () => undefined;

interface SharedMapScreenProps {
  /** Started view-only (no anonymous account in shared mode): it reads what anyone may read. */
  backend: Backend;
  view: ShareView;
  onRetry(): void;
}

/**
 * A werkgebied's map to look at, from a shared link or embedded in another
 * website: its places with the legend and filter, each place's details and
 * stories to read, the credits; nothing to add or change. The link's view has a
 * slim top bar; the embed page only a line that opens the app.
 */
export function SharedMapScreen({ backend, view, onRetry }: SharedMapScreenProps) {
  const { t } = useTranslation();
  const { api } = backend;
  const [categories, setCategories] = useState<Category[]>([]);
  const { assets, load } = useAssets(api);
  const { filter, setFilter } = usePlaceFilter();
  const mapContext = useMapContext(api);
  const { werkgebieden, error: werkgebiedenError } = useWerkgebieden(api);
  const werkgebied = werkgebieden.find((candidate) => candidate.id === view.werkgebiedId);
  const unknown = werkgebiedenError === null && werkgebieden.length > 0 && !werkgebied;
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    api.listCategories().then(setCategories, () => undefined);
  }, [api]);

  // Only this werkgebied's places, then the filter of the link.
  const inWerkgebied = useMemo(
    () => ({ ...assets, features: assets.features.filter((place) => place.properties.werkgebied_id === view.werkgebiedId) }),
    [assets, view.werkgebiedId],
  );
  const shown = useFilteredAssets(inWerkgebied, categories, filter);
  const staleAfter = useMemo(() => (werkgebied ? () => werkgebied.stale_after_months : noStale), [werkgebied]);
  const mapAssets = useStaleMarks(shown, staleAfter);
  // The map looks at the werkgebied once it is known.
  const focus = useMemo(() => (werkgebied ? focusOn(werkgebied.geometry) : null), [werkgebied]);
  const appUrl = appUrlFor(location.href);
  const title = werkgebied?.name ?? '';

  return (
    <div className={`workspace share-view share-${view.kind}`}>
      {view.kind === 'link' && (
        <header className="top-bar share-bar">
          <div className="brand">
            <h1>{t('app.title')}</h1>
            <p className="share-title">
              {title} · {t('share.viewOnly')}
            </p>
          </div>
          <a className="share-join" href={appUrl}>
            {t('share.joinIn')}
          </a>
          <LanguageSwitch />
        </header>
      )}
      <div className="map-area">
        <MapView
          assets={mapAssets}
          areas={mapContext.areas}
          focus={focus}
          attributions={mapContext.attributions}
          categories={categories}
          selectedId={selectedId}
          onMapClick={nothing}
          onAssetClick={setSelectedId}
          onViewChange={(bbox) => void load(bbox)}
          controls={(mapTapsTaken) => (
            <PlaceFilterControl
              categories={categories}
              filter={filter}
              onChange={setFilter}
              shown={shown.features.length}
              total={inWerkgebied.features.length}
              mapTapsTaken={mapTapsTaken}
            />
          )}
        />
        <DatabaseStartNote onRetry={onRetry} />
        {unknown && (
          <p className="map-notice error" role="alert">
            {t('share.unknownWerkgebied')}
          </p>
        )}
        {view.kind === 'embed' && (
          <p className="embed-credit">
            <a href={appUrl} target="_blank" rel="noopener">
              {t('share.openInApp')}
              {title && `: ${title}`}
            </a>
          </p>
        )}
      </div>
      {selectedId && (
        <AssetPanel
          key={selectedId}
          api={api}
          photoStore={backend.photos}
          assetId={selectedId}
          categories={categories}
          roles={null}
          viewOnly
          places={inWerkgebied.features}
          staleAfterMonthsOf={staleAfter}
          onChanged={nothing}
          onOpenAsset={setSelectedId}
          onLinksShown={nothing}
          onClose={() => setSelectedId(null)}
        />
      )}
    </div>
  );
}
