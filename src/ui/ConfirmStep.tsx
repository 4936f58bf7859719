import { useTranslation } from 'react-i18next';
import { ErrorNote } from './ErrorNote';

/** "Weet je het zeker?": a question, a red button that does it, and one that does not. */
export function ConfirmStep({
  label,
  question,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <ErrorNote message={error} />
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('details.cancel')}
        </button>
      </div>
    </div>
  );
}
