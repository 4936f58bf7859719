import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../backend/sessionWireTypes';

interface SessionHeaderProps {
  session: WorkshopSession;
  /** The facilitator's phase buttons, and links to the summary and the map; absent for participants. */
  facilitatorControls?: { phaseButtons: ReactNode; links: ReactNode };
}

/**
 * The session's name and, big, the phase the room is in with what to do now.
 * A fixed grid on the shared screen, so nothing jumps when the phase changes.
 */
export function SessionHeader({ session, facilitatorControls }: SessionHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="workshop-header">
      <div className="workshop-title">
        <h1>{session.title}</h1>
        <p>
          {session.werkgebied_name} · {t('workshop.join.code')} <strong>{session.join_code}</strong>
        </p>
        {facilitatorControls?.links}
      </div>
      <div className="workshop-phase" aria-live="polite">
        <p className="phase-now">{t('workshop.phaseNow')}</p>
        <p className="phase-name" data-testid="session-phase">
          {t(`workshop.phase.${session.phase}`)}
        </p>
        <p className="phase-hint">{t(`workshop.phaseHint.${session.phase}`)}</p>
      </div>
      {facilitatorControls?.phaseButtons}
    </header>
  );
}
