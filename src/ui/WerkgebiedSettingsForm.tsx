import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { Werkgebied } from '../backend/wireTypes';
import { ErrorNote } from './ErrorNote';
import { useAction } from './useAction';

interface WerkgebiedSettingsFormProps {
  api: WijkkrachtApi;
  werkgebied: Werkgebied;
  onSaved(werkgebied: Werkgebied): void;
  onCancel(): void;
}

/** Limits as SQL keeps them (supabase/schemas/03_werkgebieden.sql); SQL refuses anything else too. */
const limits = { reportThreshold: { min: 1, max: 100 }, staleAfterMonths: { min: 1, max: 120 } };

/**
 * An administrator's settings of one werkgebied: review first or not, how many
 * reports take a place off the map, and after how many months without a
 * "bestaat nog" a place shows faded (freshness).
 */
export function WerkgebiedSettingsForm({ api, werkgebied, onSaved, onCancel }: WerkgebiedSettingsFormProps) {
  const { t } = useTranslation();
  const ids = { title: useId(), review: useId(), reports: useId(), months: useId(), monthsHint: useId() };
  const [reviewFirst, setReviewFirst] = useState(werkgebied.review_first);
  const [reportThreshold, setReportThreshold] = useState(String(werkgebied.report_threshold));
  const [staleAfterMonths, setStaleAfterMonths] = useState(String(werkgebied.stale_after_months));
  const { busy, error, setError, run } = useAction();

  const whole = (text: string, { min, max }: { min: number; max: number }) => {
    const value = Number(text);
    return Number.isInteger(value) && value >= min && value <= max ? value : null;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const reports = whole(reportThreshold, limits.reportThreshold);
    const months = whole(staleAfterMonths, limits.staleAfterMonths);
    if (reports === null || months === null) {
      setError(t(reports === null ? 'werkgebieden.settings.reportsRange' : 'werkgebieden.settings.monthsRange'));
      return;
    }
    await run(async () => {
      onSaved(await api.updateWerkgebied(werkgebied.id, { reviewFirst, reportThreshold: reports, staleAfterMonths: months }));
    });
  }

  return (
    <form className="werkgebied-settings" aria-labelledby={ids.title} onSubmit={save} noValidate>
      <h3 id={ids.title}>{t('werkgebieden.settings.title', { name: werkgebied.name })}</h3>
      <label className="checkbox-line" htmlFor={ids.review}>
        <input id={ids.review} type="checkbox" checked={reviewFirst} onChange={(event) => setReviewFirst(event.target.checked)} />
        {t('werkgebieden.reviewFirst')}
      </label>
      <p className="hint">{t('werkgebieden.reviewFirstHint')}</p>
      <label htmlFor={ids.reports}>{t('werkgebieden.settings.reports')}</label>
      <input
        id={ids.reports}
        type="number"
        inputMode="numeric"
        min={limits.reportThreshold.min}
        max={limits.reportThreshold.max}
        value={reportThreshold}
        onChange={(event) => setReportThreshold(event.target.value)}
      />
      <label htmlFor={ids.months}>{t('werkgebieden.settings.months')}</label>
      <p className="hint" id={ids.monthsHint}>
        {t('werkgebieden.settings.monthsHint')}
      </p>
      <input
        id={ids.months}
        type="number"
        inputMode="numeric"
        min={limits.staleAfterMonths.min}
        max={limits.staleAfterMonths.max}
        aria-describedby={ids.monthsHint}
        value={staleAfterMonths}
        onChange={(event) => setStaleAfterMonths(event.target.value)}
      />
      <ErrorNote message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('werkgebieden.settings.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('werkgebieden.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
