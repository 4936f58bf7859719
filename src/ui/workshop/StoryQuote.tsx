import { useTranslation } from 'react-i18next';
import type { SessionStory } from '../../backend/sessionWireTypes';

/** One story: its words, and who told it about which place ("Joke, over Bankje bij de vijver"). */
export function StoryQuote({ story, placeFirstName }: { story: SessionStory; placeFirstName: string | null | undefined }) {
  const { t } = useTranslation();
  const name = story.author_name ?? placeFirstName;
  return (
    <>
      <q>{story.body}</q>{' '}
      <span className="story-source">
        {name ? `${name}, ` : ''}
        {t('workshop.ticker.about', { place: story.asset_name })}
      </span>
    </>
  );
}
