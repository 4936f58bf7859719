import { ErrorNote } from '../ErrorNote';
import { useTranslation } from 'react-i18next';

interface DraftSaveButtonsProps {
  /** A refusal (not a lost network), or a missing field. */
  error: string | null;
  /** Saved, and kept until the network is back. */
  waitingForNetwork: boolean;
  sending: boolean;
  labels: { save: string; saving: string; other: string };
  onOther(): void;
}

/** The end of a workshop form: what went wrong or waits for the network, a big save button and a way back. */
export function DraftSaveButtons({ error, waitingForNetwork, sending, labels, onOther }: DraftSaveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorNote message={error} />
      {waitingForNetwork && (
        <p className="notice" role="status">
          {t('workshop.explore.waiting')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary big" disabled={sending}>
          {sending ? labels.saving : labels.save}
        </button>
        <button type="button" onClick={onOther} disabled={sending}>
          {labels.other}
        </button>
      </div>
    </>
  );
}
