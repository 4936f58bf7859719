import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { AssetFeature } from '../backend/wireTypes';
import { isStale } from '../domain/freshness';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface FreshnessNoteProps {
  api: WijkkrachtApi;
  feature: AssetFeature;
  staleAfterMonths: number;
  /** Signed in: may say "bestaat nog" or "bestaat niet meer". */
  mayConfirm: boolean;
  onConfirmed(feature: AssetFeature, message: string): void;
  onReported(message: string): void;
}

/** When a place was last confirmed, faded text when long ago, and "Bestaat nog" / "Bestaat niet meer". */
export function FreshnessNote({ api, feature, staleAfterMonths, mayConfirm, onConfirmed, onReported }: FreshnessNoteProps) {
  const { t, i18n } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const reasonId = useId();
  const { confirmed_at: confirmedAt, status } = feature.properties;
  const stale = isStale(confirmedAt, staleAfterMonths, new Date());
  const date = new Date(confirmedAt).toLocaleDateString(i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL', { dateStyle: 'long' });

  const confirm = () =>
    run(async () => {
      const updated = await api.confirmAsset(feature.id, true);
      onConfirmed(updated, t('freshness.confirmed'));
    });

  async function report(event: FormEvent) {
    event.preventDefault();
    const done = await run(async () => {
      await api.confirmAsset(feature.id, false, reason);
    });
    if (done) {
      setReporting(false);
      setReason('');
      onReported(t('freshness.reported'));
    }
  }

  return (
    <div className={`freshness ${stale ? 'freshness-stale' : ''}`}>
      <p>{t('freshness.confirmedOn', { date })}</p>
      {stale && <p className="freshness-question">{t('freshness.stale')}</p>}
      {mayConfirm && status === 'published' && !reporting && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void confirm()}>
            {t('freshness.stillExists')}
          </button>
          <button type="button" disabled={busy} onClick={() => setReporting(true)}>
            {t('freshness.gone')}
          </button>
        </div>
      )}
      {reporting && (
        <form className="confirm" onSubmit={(event) => void report(event)} noValidate>
          <label htmlFor={reasonId}>{t('freshness.goneReason')}</label>
          <textarea id={reasonId} rows={2} maxLength={400} value={reason} onChange={(event) => setReason(event.target.value)} />
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {t('freshness.goneSend')}
            </button>
            <button type="button" onClick={() => setReporting(false)}>
              {t('details.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
