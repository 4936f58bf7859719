import { useTranslation } from 'react-i18next';
import type { Story } from '../backend/wireTypes';

/**
 * The stories of a place; its own stories that wait for a facilitator (or were refused) say so.
 * `showAuthors` false (a shared map, maybe on another website): no author's name, only "Iemand uit de buurt".
 */
export function StoryList({ stories, showAuthors = true }: { stories: Story[]; showAuthors?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {stories.length === 0 && <p className="hint">{t('details.noStories')}</p>}
      <ul className="stories">
        {stories.map((item) => (
          <li key={item.id}>
            <blockquote>{item.body}</blockquote>
            <p className="byline">
              {(showAuthors && item.author_name) || t('details.anonymous')},{' '}
              {new Date(item.created_at).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' })}
            </p>
            {item.mine && item.status === 'pending' && <p className="status-tag small">{t('details.storyPending')}</p>}
            {item.mine && item.status === 'rejected' && (
              <p className="status-tag small">{t('details.storyRejected', { reason: item.moderation_note ?? '' })}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
