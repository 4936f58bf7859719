import circle from '@turf/circle';
import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { AssetFeature, Category } from '../../backend/wireTypes';
import {
  minutesOnFoot,
  nearbyDistances,
  nearbyListLimit,
  nearestInstead,
  walkDetourFactor,
  walkingPaces,
  type NearbyDistance,
} from '../../domain/nearby';
import { circleCategory } from '../../domain/circles';
import type { SearchEntry } from '../../domain/placeSearch';
import { pointOnShape } from '../../domain/pointOnShape';
import { categoryLabel } from '../categoryLabel';
import { DatabaseGettingReady } from '../DatabaseStartNote';
import { LocationSearch } from '../LocationSearch';
import { PanelHeader } from '../PanelHeader';
import { useLatestResult } from '../planner/useLatestResult';
import { useErrorText } from '../useErrorText';
import type { NearbyChoice, NearbySpot } from './nearbyChoice';

interface NearbyPanelProps {
  api: WijkkrachtApi;
  categories: Category[];
  /** The buurten and places the app holds, for the search (useSearchEntries). */
  entries: SearchEntry[];
  spot: NearbySpot | null;
  choice: NearbyChoice;
  onChoice(choice: NearbyChoice): void;
  onSpot(spot: NearbySpot): void;
  /** The reach drawn on the map: the circle and its middle; null clears it. */
  onReach(reach: FeatureCollection | null): void;
  onOpen(placeId: string): void;
  onClose(): void;
}

interface NearbyQuery {
  spot: NearbySpot | null;
  distance: NearbyDistance;
  category: string;
  onFoot: boolean;
}

/**
 * "Wat is er in de buurt?" for a resident or a professional: pick a spot (a
 * tap, an address, a buurt) and see the places within a distance, nearest
 * first, with the time on foot; where none lies within it, the nearest ones.
 * In a straight line or on foot along the paths (assets_on_foot). Asked of SQL
 * (assets_within, assets_on_foot, nearest_assets), so it shows what the caller may see.
 * The nearest instead are in a straight line, and the panel says so.
 */
export function NearbyPanel({ api, categories, entries, spot, choice, onChoice, onSpot, onReach, onOpen, onClose }: NearbyPanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const ids = { title: useId(), distance: useId(), kind: useId() };
  const { distance, category, onFoot } = choice;
  // The button that opened the panel is gone: the focus goes to what the panel asks first.
  const whereNow = useRef<HTMLParagraphElement>(null);
  useEffect(() => whereNow.current?.focus(), []);
  const query = useMemo(() => ({ spot, distance, category, onFoot }), [spot, distance, category, onFoot]);

  const load = useCallback(
    async (q: NearbyQuery) => {
      if (!q.spot) return null;
      const kind = q.category || undefined;
      const within = q.onFoot
        ? await api.assetsOnFoot(q.spot.lon, q.spot.lat, q.distance, kind)
        : await api.assetsWithin(q.spot.lon, q.spot.lat, q.distance, kind);
      const nearest = within.features.length === 0 ? await api.nearestAssets(q.spot.lon, q.spot.lat, nearestInstead, kind) : null;
      // The question travels with its answer, so the words never mix one answer with another question.
      return { within: within.features, nearest: nearest?.features ?? null, distance: q.distance, onFoot: q.onFoot };
    },
    [api],
  );
  const answer = useLatestResult(query, `${spot?.lon},${spot?.lat}|${distance}|${category}|${onFoot}`, load);

  useEffect(() => {
    if (!spot) {
      onReach(null);
      return;
    }
    const reach = circle([spot.lon, spot.lat], distance, { steps: 64, units: 'meters' });
    onReach({
      type: 'FeatureCollection',
      features: [reach, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [spot.lon, spot.lat] } }],
    });
  }, [spot, distance, onReach]);
  useEffect(() => () => onReach(null), [onReach]);

  const kindLabel = useMemo(() => {
    const labels = new Map(categories.map((entry) => [entry.id, categoryLabel(entry, i18n.language)]));
    return (id: string) => labels.get(id) ?? id;
  }, [categories, i18n.language]);
  const number = (value: number) => value.toLocaleString(i18n.language);
  const result = answer.value;
  const rows = result ? (result.nearest ?? result.within.slice(0, nearbyListLimit)) : [];

  return (
    <section className="panel nearby-panel" role="dialog" aria-labelledby={ids.title}>
      <PanelHeader titleId={ids.title} title={t('nearby.title')} closeLabel={t('nearby.close')} onClose={onClose} />
      <DatabaseGettingReady />
      <p className="where-now" role="status" tabIndex={-1} ref={whereNow}>
        {!spot ? t('nearby.where') : spot.name ? t('nearby.spotChosen', { name: spot.name }) : t('nearby.spotOnMap')}
      </p>
      <label className="planner-field" htmlFor={ids.distance}>
        <span>{t('nearby.distance')}</span>
      </label>
      <select
        id={ids.distance}
        value={distance}
        onChange={(event) => onChoice({ ...choice, distance: Number(event.target.value) as NearbyDistance })}
      >
        {nearbyDistances.map((metres) => (
          <option key={metres} value={metres}>
            {t('nearby.distanceOption', { metres: number(metres), minutes: minutesOnFoot(metres, walkingPaces.ordinary) })}
          </option>
        ))}
      </select>
      <div className="planner-field" role="group" aria-label={t('nearby.measure')}>
        <span>{t('nearby.measure')}</span>
        <div className="toggle">
          {([false, true] as const).map((walking) => (
            <button
              key={String(walking)}
              type="button"
              aria-pressed={onFoot === walking}
              onClick={() => onChoice({ ...choice, onFoot: walking })}
            >
              {t(walking ? 'planner.measures.walking' : 'planner.measures.straight')}
            </button>
          ))}
        </div>
      </div>
      <label className="planner-field" htmlFor={ids.kind}>
        <span>{t('nearby.kind')}</span>
      </label>
      <select id={ids.kind} value={category} onChange={(event) => onChoice({ ...choice, category: event.target.value })}>
        <option value="">{t('nearby.anyKind')}</option>
        {[...categories]
          .sort((a, b) => kindLabel(a.id).localeCompare(kindLabel(b.id), i18n.language))
          .map((entry) => (
            <option key={entry.id} value={entry.id}>
              {kindLabel(entry.id)}
            </option>
          ))}
      </select>

      {answer.error !== null && (
        <p className="form-error" role="alert">
          {errorText(answer.error)}
        </p>
      )}
      {result && (
        <div className={`nearby-result${answer.upToDate ? '' : ' stale'}`} data-testid="nearby-result">
          <p className="headline" aria-live="polite">
            {result.nearest === null
              ? t('nearby.found', { count: result.within.length, metres: number(result.distance) })
              : result.nearest.length > 0
                ? t('nearby.noneWithin', { metres: number(result.distance) })
                : t(category ? 'nearby.noneAtAll' : 'nearby.noneAtAllAnyKind')}
            {result.nearest === null && result.within.length > nearbyListLimit && ` ${t('nearby.foundMore', { shown: nearbyListLimit })}`}
          </p>
          <ul className="nearby-list">
            {rows.map((place) => (
              <NearbyRow
                key={place.id}
                place={place}
                onFoot={result.onFoot && result.nearest === null}
                kind={kindLabel(place.properties.category)}
                number={number}
                onOpen={onOpen}
              />
            ))}
          </ul>
          {result.onFoot && result.nearest !== null && result.nearest.length > 0 && <p className="hint">{t('nearby.nearestStraight')}</p>}
        </div>
      )}
      <LocationSearch
        entries={entries}
        label={t('nearby.search')}
        onChoose={(found) => {
          if (found.kind === 'address') onSpot({ lon: found.address.lon, lat: found.address.lat, name: found.address.name });
          else {
            const [lon, lat] = pointOnShape(found.entry.geometry);
            onSpot({ lon, lat, name: found.entry.name });
          }
        }}
      />

      <p className="hint">{onFoot ? t('nearby.howMeasuredOnFoot', { factor: number(walkDetourFactor) }) : t('nearby.howMeasured')}</p>
    </section>
  );
}

function NearbyRow({
  place,
  onFoot,
  kind,
  number,
  onOpen,
}: {
  place: AssetFeature;
  /** The distance is a walk (assets_on_foot), not a straight line. */
  onFoot: boolean;
  kind: string;
  number(value: number): string;
  onOpen(placeId: string): void;
}) {
  const { t } = useTranslation();
  const metres = Math.round(place.properties.distance_m ?? 0);
  return (
    <li>
      <span className="nearby-name">{place.properties.name}</span>
      <span className="nearby-kind">{kind}</span>
      <span className="nearby-distance">
        {/* A circle is shown at its buurt's middle, never where it meets: its distance is not one to walk. */}
        {place.properties.category === circleCategory
          ? t('nearby.circleRow', { metres: number(metres) })
          : t(onFoot ? 'nearby.rowOnFoot' : 'nearby.row', {
              metres: number(metres),
              minutes: minutesOnFoot(metres, walkingPaces.ordinary),
              slowMinutes: minutesOnFoot(metres, walkingPaces.slow),
            })}
        {onFoot && place.properties.walk_estimated && ` ${t('nearby.rowEstimated')}`}
      </span>
      <button type="button" aria-label={t('nearby.openName', { name: place.properties.name })} onClick={() => onOpen(place.id)}>
        {t('nearby.open')}
      </button>
    </li>
  );
}
