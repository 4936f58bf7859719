import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { WorkshopSession } from '../../backend/sessionWireTypes';
import { ErrorNote } from '../ErrorNote';
import { PanelHeader } from '../PanelHeader';
import { useErrorText } from '../useErrorText';
import { MySessionList } from './MySessionList';
import { NewSessionForm } from './NewSessionForm';
import { useWorkshopEntryData } from './useWorkshopEntryData';
import { sessionHash } from './workshopRoute';
import './workshop.css';

/** For facilitators: open a new session, or one from before. Either way the session screen takes over. */
export function WorkshopDialog({ api, onClose }: { api: WijkkrachtApi; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const data = useWorkshopEntryData(api);
  const open = (session: WorkshopSession) => {
    window.location.hash = sessionHash(session.id);
  };
  return (
    <div className="workshop-dialog-backdrop">
      <section className="workshop-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <PanelHeader titleId={titleId} title={t('workshop.entry.title')} closeLabel={t('workshop.entry.close')} onClose={onClose} />
        <p className="hint">{t('workshop.entry.intro')}</p>
        {data.error !== null && <ErrorNote message={errorText(data.error)} />}
        {data.value === null ? (
          data.error === null && <p role="status">{t('workshop.entry.loading')}</p>
        ) : (
          <>
            <NewSessionForm api={api} werkgebieden={data.value.werkgebieden} onCreated={open} />
            <MySessionList sessions={data.value.sessions} onOpen={open} />
          </>
        )}
      </section>
    </div>
  );
}
