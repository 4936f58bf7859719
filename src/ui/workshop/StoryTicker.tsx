import { useTranslation } from 'react-i18next';
import type { SessionContributions, SessionStory } from '../../backend/sessionWireTypes';
import { firstNamesByPlace } from './contributionFeatures';
import { StoryQuote } from './StoryQuote';

/** How many of the newest stories the shared screen shows: readable from the back of the room. */
const shown = 4;

/** The newest stories, newest first, as they come in. */
export function StoryTicker({ stories, contributions }: { stories: SessionStory[]; contributions: SessionContributions }) {
  const { t } = useTranslation();
  const firstNames = firstNamesByPlace(contributions);
  return (
    <section className="story-ticker" aria-labelledby="story-ticker-title">
      <h2 id="story-ticker-title">{t('workshop.ticker.title')}</h2>
      {stories.length === 0 ? (
        <p className="hint">{t('workshop.ticker.empty')}</p>
      ) : (
        <ul aria-live="polite">
          {stories.slice(0, shown).map((story) => (
            <li key={story.id}>
              <StoryQuote story={story} placeFirstName={firstNames.get(story.asset_id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
