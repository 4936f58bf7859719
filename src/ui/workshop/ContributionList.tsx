import { useTranslation } from 'react-i18next';
import type { SessionContributions } from '../../backend/sessionWireTypes';
import type { Category } from '../../backend/wireTypes';
import { contributionFeatures } from './contributionFeatures';

interface ContributionListProps {
  contributions: SessionContributions;
  categories: Category[];
  onSelect(id: string): void;
}

/** What was added in the session, as big buttons: a point on a phone's map is a small target. */
export function ContributionList({ contributions, categories, onSelect }: ContributionListProps) {
  const { t } = useTranslation();
  const colour = (id: string) => categories.find((category) => category.id === id)?.color;
  return (
    <ul className="contribution-list">
      {contributionFeatures(contributions).map((feature) => (
        <li key={feature.id}>
          <button type="button" className="contribution-button" onClick={() => onSelect(feature.id)}>
            <span className="palette-swatch" style={{ background: colour(feature.properties.category) }} aria-hidden="true" />
            <span className="contribution-name">{feature.properties.name}</span>
            {feature.properties.first_name && (
              <span className="hint">{t('workshop.appreciate.by', { name: feature.properties.first_name })}</span>
            )}
            <span className="appreciation-count">{t('workshop.appreciate.count', { count: feature.properties.appreciations })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
