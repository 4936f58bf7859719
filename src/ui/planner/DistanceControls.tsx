import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { walkingPaces, wholeMinutesAt } from '../../domain/nearby';
import { distanceOfMinutes, distanceStep, maxDistance, maxMinutes, type PlannerState } from './plannerState';

interface Props {
  state: Pick<PlannerState, 'distance' | 'onFoot' | 'pace'>;
  onChange(change: Partial<PlannerState>): void;
}

/**
 * How far, and measured how: in a straight line in metres, or on foot along
 * the paths in whole minutes at a pace (the distance stays in metres).
 */
export function DistanceControls({ state, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const measureHintId = useId();
  const minutes = wholeMinutesAt(state.distance, state.pace);
  const number = (value: number) => value.toLocaleString(i18n.language);

  return (
    <>
      <div className="planner-field" role="group" aria-label={t('planner.measure')} aria-describedby={measureHintId}>
        <span>{t('planner.measure')}</span>
        <div className="toggle">
          <button
            type="button"
            aria-pressed={!state.onFoot}
            // Back on the straight slider's 50 m steps.
            onClick={() => onChange({ onFoot: false, distance: Math.round(state.distance / distanceStep) * distanceStep })}
          >
            {t('planner.measures.straight')}
          </button>
          <button
            type="button"
            aria-pressed={state.onFoot}
            // The slider counts whole minutes on foot: the distance moves to the nearest one.
            onClick={() => onChange({ onFoot: true, distance: distanceOfMinutes(minutes, state.pace) })}
          >
            {t('planner.measures.walking')}
          </button>
        </div>
      </div>
      <p className="hint" id={measureHintId}>
        {t('planner.measureHint')}
      </p>
      {state.onFoot && (
        <div className="planner-field" role="group" aria-label={t('planner.pace')}>
          <span>{t('planner.pace')}</span>
          <div className="toggle">
            {(['ordinary', 'slow'] as const).map((pace) => (
              <button
                key={pace}
                type="button"
                aria-pressed={state.pace === walkingPaces[pace]}
                // The same minutes at another pace: a slower walker gets less far.
                onClick={() => onChange({ pace: walkingPaces[pace], distance: distanceOfMinutes(minutes, walkingPaces[pace]) })}
              >
                {t(`planner.paces.${pace}`)}
              </button>
            ))}
          </div>
        </div>
      )}

      {state.onFoot ? (
        <label className="planner-field">
          <span>
            {t('planner.distance')}:{' '}
            <strong data-testid="distance-value">{t('planner.walkingDistance', { minutes, distance: number(state.distance) })}</strong>
          </span>
          <input
            type="range"
            min={0}
            max={maxMinutes(state.pace)}
            step={1}
            value={minutes}
            aria-valuetext={t('planner.walkingDistance', { minutes, distance: number(state.distance) })}
            onChange={(event) => onChange({ distance: distanceOfMinutes(Number(event.target.value), state.pace) })}
            data-testid="distance-slider"
          />
        </label>
      ) : (
        <label className="planner-field">
          <span>
            {t('planner.distance')}: <strong data-testid="distance-value">{state.distance} m</strong> {t('planner.straightLine')}
          </span>
          <input
            type="range"
            min={0}
            max={maxDistance}
            step={distanceStep}
            value={state.distance}
            onChange={(event) => onChange({ distance: Number(event.target.value) })}
            data-testid="distance-slider"
          />
        </label>
      )}
    </>
  );
}
