import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import { coverageGain, groupFigures } from '../../coverage/coverageFigures';
import type { AreaCollection, Category, Werkgebied } from '../../backend/wireTypes';
import type { GapLayer } from '../../map/gapLayers';
import { coverageExporters } from '../../export/exporters';
import { DatabaseGettingReady } from '../DatabaseStartNote';
import { PanelHeader } from '../PanelHeader';
import { useErrorText } from '../useErrorText';
import { useFileDownload } from '../useFileDownload';
import { BuurtTable } from './BuurtTable';
import { EstimatedHint } from './EstimatedHint';
import { GapLegend } from './GapLegend';
import { BuurtBarsChart } from './charts/BuurtBarsChart';
import { CoverageCurveChart } from './charts/CoverageCurveChart';
import { DimensionRadarChart } from './charts/DimensionRadarChart';
import { walkDetourFactor, wholeMinutesAt } from '../../domain/nearby';
import { DistanceControls } from './DistanceControls';
import type { PlannerState } from './plannerState';
import { TargetPicker } from './TargetPicker';
import { usePlannerData } from './usePlannerData';
import { WerkgebiedComparison } from './WerkgebiedComparison';
import { WerkgebiedPicker } from './WerkgebiedPicker';
import { SnapshotTimeline } from './snapshots/SnapshotTimeline';
import { TargetGroupsPanel } from './targetGroups/TargetGroupsPanel';

interface Props {
  api: WijkkrachtApi;
  categories: Category[];
  areas: AreaCollection;
  werkgebieden: Werkgebied[];
  state: PlannerState;
  onChange(change: Partial<PlannerState>): void;
  onGapLayer(layer: GapLayer | null): void;
  onClose(): void;
}

/**
 * The planner's view of gaps: who lives farther than a distance from what,
 * on the map and in figures, per buurt, as curves, and "what if" with
 * candidate places that are never saved.
 */
export function PlannerPanel({ api, categories, areas, werkgebieden, state, onChange, onGapLayer, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { figures, curve, radar, gapLayer } = usePlannerData(api, state);
  const download = useFileDownload();
  const [comparing, setComparing] = useState(false);
  const [overTime, setOverTime] = useState(false);
  const [ownGroups, setOwnGroups] = useState(false);
  const staleHintId = useId();
  const names = useMemo(
    () =>
      new Map(
        areas.features.filter((area) => area.properties.level === 'buurt').map((area) => [area.properties.code, area.properties.name]),
      ),
    [areas],
  );
  const number = (value: number) => value.toLocaleString(i18n.language);
  const factor = number(walkDetourFactor);
  const walking = figures.value?.walking ?? null;

  useEffect(() => onGapLayer(gapLayer), [gapLayer, onGapLayer]);
  useEffect(() => () => onGapLayer(null), [onGapLayer]);

  const current = figures.value ? groupFigures(figures.value.figures, state.group) : null;
  const answered = figures.value;
  const gain = answered && answered.candidateCount > 0 ? coverageGain(answered.baseline, answered.figures) : null;
  const unknownCells = answered ? (state.group === 'all' ? answered.figures.cells_unknown : answered.figures.cells_unknown_65plus) : 0;
  const noPopulation = figures.value !== null && figures.value.figures.cells === 0;

  return (
    <section className="panel planner-panel" role="dialog" aria-labelledby="planner-title">
      <PanelHeader titleId="planner-title" title={t('planner.title')} closeLabel={t('planner.close')} onClose={onClose} />
      <DatabaseGettingReady />

      <WerkgebiedPicker value={state.werkgebiedId} werkgebieden={werkgebieden} onChange={(werkgebiedId) => onChange({ werkgebiedId })} />
      <TargetPicker value={state.target} categories={categories} onChange={(target) => onChange({ target })} />

      <div className="planner-field" role="group" aria-label={t('planner.group')}>
        <span>{t('planner.group')}</span>
        <div className="toggle">
          {(['all', '65plus'] as const).map((group) => (
            <button key={group} type="button" aria-pressed={state.group === group} onClick={() => onChange({ group })}>
              {t(`planner.groups.${group}`)}
            </button>
          ))}
        </div>
      </div>

      <DistanceControls state={state} onChange={onChange} />

      <label className="planner-field planner-check">
        <input
          type="checkbox"
          checked={state.withoutStale}
          aria-describedby={staleHintId}
          onChange={(event) => onChange({ withoutStale: event.target.checked })}
        />
        {t('planner.withoutStale')}
      </label>
      <p className="hint" id={staleHintId}>
        {t('planner.withoutStaleHint')}
      </p>

      {noPopulation && <p className="form-error">{t(state.werkgebiedId ? 'planner.noPopulationWerkgebied' : 'planner.noPopulation')}</p>}
      {figures.error !== null && (
        <p className="form-error" role="alert">
          {errorText(figures.error)}
        </p>
      )}

      {current && !noPopulation && (
        <div className={`planner-figures${figures.upToDate ? '' : ' stale'}`} aria-live="polite" data-testid="planner-figures">
          <p className="headline">
            {current.share === null
              ? t('planner.nobodyKnown')
              : answered!.walking
                ? t(state.group === 'all' ? 'planner.headlineWalk' : 'planner.headlineWalk65', {
                    share: Math.round(current.share * 100),
                    distance: number(answered!.figures.distance_m),
                    count: wholeMinutesAt(answered!.figures.distance_m, state.pace),
                    pace: number(state.pace),
                  })
                : t(state.group === 'all' ? 'planner.headline' : 'planner.headline65', {
                    share: Math.round(current.share * 100),
                    distance: answered!.figures.distance_m,
                  })}
          </p>
          <p>
            {t(state.group === 'all' ? 'planner.uncovered' : 'planner.uncovered65', {
              count: current.uncovered,
              formatted: number(current.uncovered),
              total: number(current.residents),
            })}
          </p>
          {walking && walking.cells > 0 && walking.estimated === walking.cells && (
            <p className="hint" data-testid="walk-estimated">
              {t('planner.walkNoNetwork', { factor })}
            </p>
          )}
          {walking && walking.estimated > 0 && walking.estimated < walking.cells && (
            <p className="hint" data-testid="walk-estimated">
              {t('planner.walkEstimatedHint', { count: walking.estimated, factor })}
            </p>
          )}
          {figures.value!.figures.cells_estimated > 0 && (
            <EstimatedHint estimated={figures.value!.figures.cells_estimated} byWeights={figures.value!.cellsByWeights} />
          )}
          {unknownCells > 0 && <p className="hint">{t('planner.secretHint', { count: unknownCells })}</p>}
        </div>
      )}

      {figures.value && !noPopulation && <GapLegend group={state.group} onFoot={figures.value.walking !== null} />}

      <div className="what-if">
        <label>
          <input
            type="checkbox"
            checked={state.whatIf}
            onChange={(event) => onChange({ whatIf: event.target.checked })}
            data-testid="what-if-toggle"
          />
          {t('planner.whatIf')}
        </label>
        {state.whatIf && <p className="hint">{t('planner.whatIfHint')}</p>}
        {gain && (
          <p className="what-if-gain" data-testid="what-if-gain">
            {t('planner.gain', {
              residents: number(gain.residents),
              residents65: number(gain.residents65plus),
              count: answered!.candidateCount,
            })}
          </p>
        )}
        {state.candidates.length > 0 && (
          <button type="button" onClick={() => onChange({ candidates: [] })}>
            {t('planner.clearCandidates')}
          </button>
        )}
      </div>

      <button type="button" className="compare-button" aria-expanded={comparing} onClick={() => setComparing((open) => !open)}>
        {t('planner.compare')}
      </button>
      {comparing && (
        <WerkgebiedComparison
          api={api}
          werkgebieden={werkgebieden}
          target={state.target}
          distance={state.distance}
          withoutStale={state.withoutStale}
          walkingPace={state.onFoot ? state.pace : null}
          group={state.group}
          onClose={() => setComparing(false)}
        />
      )}

      <button type="button" className="compare-button" aria-expanded={overTime} onClick={() => setOverTime((open) => !open)}>
        {t('snapshots.open')}
      </button>
      {overTime && (
        <SnapshotTimeline
          api={api}
          werkgebied={werkgebieden.find((werkgebied) => werkgebied.id === state.werkgebiedId) ?? null}
          state={state}
          buurtNames={names}
          onClose={() => setOverTime(false)}
        />
      )}

      <button type="button" className="compare-button" aria-expanded={ownGroups} onClick={() => setOwnGroups((open) => !open)}>
        {t('targetGroups.open')}
      </button>
      {ownGroups && (
        <TargetGroupsPanel
          api={api}
          werkgebied={werkgebieden.find((werkgebied) => werkgebied.id === state.werkgebiedId) ?? null}
          state={state}
          buurtNames={names}
          onClose={() => setOwnGroups(false)}
        />
      )}

      {curve.value && (
        <CoverageCurveChart
          series={[{ id: 'current', label: '', points: curve.value }]}
          group={state.group}
          distance={state.distance}
          title={t('planner.curveTitle')}
          testId="coverage-curve"
        />
      )}
      {figures.value && figures.value.byBuurt.some((row) => row.buurt_code !== null) && (
        <BuurtBarsChart rows={figures.value.byBuurt} group={state.group} names={names} />
      )}
      {radar.value && (
        // Asked apart from the figures: until its answer for a new werkgebied is in, it shows as not up to date.
        <div className={radar.upToDate ? undefined : 'stale'}>
          <DimensionRadarChart
            dimensions={radar.value}
            group={state.group}
            note={state.candidates.length > 0 ? t('planner.radarWithoutCandidates') : undefined}
          />
        </div>
      )}
      {radar.error !== null && (
        <p className="form-error" role="alert">
          {errorText(radar.error)}
        </p>
      )}
      {figures.value && figures.value.byBuurt.length > 0 && <BuurtTable rows={figures.value.byBuurt} group={state.group} names={names} />}

      <div className="planner-exports">
        {coverageExporters.map((exporter) => (
          <button
            key={exporter.id}
            type="button"
            disabled={download.busyId !== null}
            onClick={() => void download.run(exporter, () => exporter.build(api, state, names))}
          >
            {t(exporter.labelKey)}
          </button>
        ))}
        {download.problem && (
          <p className="form-error" role="alert">
            {download.problem}
          </p>
        )}
      </div>
    </section>
  );
}
