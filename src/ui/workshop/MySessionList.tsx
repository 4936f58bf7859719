import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import { formatHeldOn } from './summaryRows';

/** Sessions the user ran or took part in, newest first, to open again. */
export function MySessionList({ sessions, onOpen }: { sessions: WorkshopSession[]; onOpen(session: WorkshopSession): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="my-sessions" aria-labelledby="my-sessions-title">
      <h3 id="my-sessions-title">{t('workshop.entry.earlier')}</h3>
      {sessions.length === 0 ? (
        <p className="hint">{t('workshop.entry.none')}</p>
      ) : (
        <ul>
          {sessions.map((session) => (
            <li key={session.id}>
              <div>
                <strong>{session.title}</strong>
                <span className="hint">
                  {session.werkgebied_name} · {formatHeldOn(session.held_on, i18n.language)} · {t(`workshop.phase.${session.phase}`)}
                </span>
              </div>
              <button type="button" onClick={() => onOpen(session)}>
                {t('workshop.entry.reopen')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
