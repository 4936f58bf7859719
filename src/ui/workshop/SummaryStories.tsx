import { useTranslation } from 'react-i18next';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import { firstNamesByPlace } from './contributionFeatures';
import { StoryQuote } from './StoryQuote';

/** The stories told, and what was appreciated with the reasons people gave. */
export function SummaryStories({ overview }: { overview: SessionOverview }) {
  const { t } = useTranslation();
  const firstNames = firstNamesByPlace(overview.contributions);
  return (
    <>
      <section className="summary-section" aria-labelledby="summary-stories-title">
        <h2 id="summary-stories-title">{t('workshop.summary.stories')}</h2>
        {overview.stories.length === 0 ? (
          <p className="hint">{t('workshop.summary.nothing')}</p>
        ) : (
          <ul className="summary-stories" data-testid="summary-stories">
            {overview.stories.map((story) => (
              <li key={story.id}>
                <StoryQuote story={story} placeFirstName={firstNames.get(story.asset_id)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="summary-section" aria-labelledby="summary-appreciations-title">
        <h2 id="summary-appreciations-title">{t('workshop.summary.appreciations')}</h2>
        {overview.appreciations.length === 0 ? (
          <p className="hint">{t('workshop.summary.nothing')}</p>
        ) : (
          <ul className="summary-appreciations" data-testid="summary-appreciations">
            {overview.appreciations.map((appreciated) => (
              <li key={appreciated.asset_id}>
                <strong>{appreciated.asset_name}</strong>: {t('workshop.appreciate.count', { count: appreciated.count })}
                {appreciated.reasons.length > 0 && (
                  <ul>
                    {appreciated.reasons.map((reason, index) => (
                      <li key={index}>
                        <q>{reason}</q>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
