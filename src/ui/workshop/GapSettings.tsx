import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import type { Category } from '../../backend/wireTypes';
import { TargetPicker } from '../planner/TargetPicker';
import { coverageTargetOf, gapDistanceMax, gapDistanceMin, gapDistanceStep, gapPopulationOf, plannerGroupOf } from './gapSettings';
import type { GapPopulation } from '../../domain/workshop';
import { onFootMinutes } from './gapSettings';

export interface GapSettingsChange {
  gapTarget?: GapPopulation;
  gapDistanceM?: number;
  gapAssetTarget?: string;
  gapOnFoot?: boolean;
}

interface GapSettingsProps {
  session: WorkshopSession;
  categories: Category[];
  busy: boolean;
  onChange(change: GapSettingsChange): void;
}

/** While the hand moves the slider, wait this long before the session (and every screen) follows. */
const distanceSettleMs = 350;

/** The facilitator's knobs for "gaten zien", the planner's own pickers: what, for whom, how far. */
export function GapSettings({ session, categories, busy, onChange }: GapSettingsProps) {
  const { t } = useTranslation();
  const group = plannerGroupOf(session.gap_target);
  const [distance, setDistance] = useState(session.gap_distance_m);
  // Another screen (or this one's answer) moved it: follow.
  useEffect(() => setDistance(session.gap_distance_m), [session.gap_distance_m]);
  useEffect(() => {
    if (distance === session.gap_distance_m) return;
    const timer = setTimeout(() => onChange({ gapDistanceM: distance }), distanceSettleMs);
    return () => clearTimeout(timer);
  }, [distance, session.gap_distance_m, onChange]);

  return (
    <fieldset className="gap-settings">
      <legend>{t('workshop.gaps.settings')}</legend>
      <TargetPicker
        value={coverageTargetOf(session.gap_asset_target)}
        categories={categories}
        onChange={(target) => onChange({ gapAssetTarget: target })}
      />
      <div className="planner-field" role="group" aria-label={t('planner.group')}>
        <span>{t('planner.group')}</span>
        <div className="toggle">
          {(['all', '65plus'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={group === choice}
              disabled={busy}
              onClick={() => onChange({ gapTarget: gapPopulationOf(choice) })}
            >
              {t(`planner.groups.${choice}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="planner-field" role="group" aria-label={t('planner.measure')}>
        <span>{t('planner.measure')}</span>
        <div className="toggle">
          {([false, true] as const).map((onFoot) => (
            <button
              key={String(onFoot)}
              type="button"
              aria-pressed={session.gap_on_foot === onFoot}
              disabled={busy}
              onClick={() => onChange({ gapOnFoot: onFoot })}
            >
              {t(onFoot ? 'planner.measures.walking' : 'planner.measures.straight')}
            </button>
          ))}
        </div>
      </div>
      <label className="planner-field">
        <span>
          {t('planner.distance')}: <strong data-testid="gap-distance">{distance} m</strong>{' '}
          {session.gap_on_foot ? t('workshop.gaps.onFootMinutes', onFootMinutes(distance)) : t('planner.straightLine')}
        </span>
        <input
          type="range"
          min={gapDistanceMin}
          max={gapDistanceMax}
          step={gapDistanceStep}
          value={distance}
          onChange={(event) => setDistance(Number(event.target.value))}
        />
      </label>
    </fieldset>
  );
}
