import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { Appreciation, SessionStory } from '../../backend/sessionWireTypes';
import { ErrorNote } from '../ErrorNote';
import { useAction } from '../useAction';
import { useApiResource } from '../useApiResource';
import type { Contribution } from './contributionFeatures';

interface AppreciateCardProps {
  api: WijkkrachtApi;
  sessionId: string;
  contribution: Contribution;
  stories: SessionStory[];
  onChanged(): void;
  onBack(): void;
}

/** One place: what people say about it, how many appreciate it, and "Ik waardeer dit" with a reason if you like. */
export function AppreciateCard({ api, sessionId, contribution, stories, onChanged, onBack }: AppreciateCardProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  // Whether I appreciate it is mine to know only: get_asset says, the overview does not.
  const details = useApiResource(useCallback(() => api.getAsset(contribution.id), [api, contribution.id]));
  const [answer, setAnswer] = useState<Appreciation | null>(null);
  const { busy, error, run } = useAction();
  const mine = answer?.mine ?? details.value?.appreciation.mine ?? false;

  const appreciate = () =>
    run(async () => {
      setAnswer(await api.appreciate(contribution.id, { reason: reason.trim() || undefined, sessionId }));
      onChanged();
    });
  const withdraw = () =>
    run(async () => {
      setAnswer(await api.withdrawAppreciation(contribution.id));
      onChanged();
    });

  return (
    <article className="appreciate-card" aria-labelledby={`${reasonId}-title`}>
      <h2 id={`${reasonId}-title`}>{contribution.properties.name}</h2>
      {contribution.properties.first_name && (
        <p className="hint">{t('workshop.appreciate.by', { name: contribution.properties.first_name })}</p>
      )}
      <p className="appreciation-count big" data-testid="appreciation-count">
        {t('workshop.appreciate.count', { count: contribution.properties.appreciations })}
      </p>
      {stories.length > 0 && (
        <>
          <h3>{t('workshop.appreciate.stories')}</h3>
          <ul className="story-quotes">
            {stories.map((story) => (
              <li key={story.id}>“{story.body}”</li>
            ))}
          </ul>
        </>
      )}
      {mine ? (
        <div className="appreciated">
          <p className="notice thanks">{t('workshop.appreciate.mine')}</p>
          <button type="button" onClick={() => void withdraw()} disabled={busy}>
            {t('workshop.appreciate.withdraw')}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={reasonId}>{t('workshop.appreciate.reason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={500}
            value={reason}
            placeholder={t('workshop.appreciate.reasonPlaceholder')}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="button" className="primary big" onClick={() => void appreciate()} disabled={busy}>
            {busy ? t('workshop.appreciate.saving') : t('workshop.appreciate.button')}
          </button>
        </>
      )}
      <ErrorNote message={error} />
      <button type="button" className="back-button" onClick={onBack}>
        {t('workshop.appreciate.back')}
      </button>
    </article>
  );
}
