import { useTranslation } from 'react-i18next';
import { sessionPhases, type SessionPhase } from '../../domain/workshop';

interface PhaseButtonsProps {
  current: SessionPhase;
  busy: boolean;
  onChoose(phase: SessionPhase): void;
}

/** The facilitator's four big buttons: every screen in the session follows the one pressed. */
export function PhaseButtons({ current, busy, onChoose }: PhaseButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="phase-buttons" role="group" aria-label={t('workshop.phaseChoice')}>
      {sessionPhases.map((phase, index) => (
        <button
          key={phase}
          type="button"
          className={phase === current ? 'primary' : undefined}
          aria-pressed={phase === current}
          disabled={busy}
          onClick={() => phase !== current && onChoose(phase)}
        >
          <span className="phase-number" aria-hidden="true">
            {index + 1}
          </span>
          {t(`workshop.phase.${phase}`)}
        </button>
      ))}
    </div>
  );
}
