import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import type { Category } from '../../backend/wireTypes';
import { AppreciateCard } from './AppreciateCard';
import { ContributionList } from './ContributionList';
import { contributionFeatures } from './contributionFeatures';

interface AppreciatePanelProps {
  api: WijkkrachtApi;
  overview: SessionOverview;
  categories: Category[];
  selectedId: string | null;
  onSelect(id: string | null): void;
  onChanged(): void;
}

/** "Waarderen": pick a place (on the map or in the list), then say you appreciate it. */
export function AppreciatePanel({ api, overview, categories, selectedId, onSelect, onChanged }: AppreciatePanelProps) {
  const { t } = useTranslation();
  const selected = contributionFeatures(overview.contributions).find((feature) => feature.id === selectedId);
  if (selected) {
    return (
      <div className="phase-panel appreciate-panel">
        <AppreciateCard
          key={selected.id}
          api={api}
          sessionId={overview.session.id}
          contribution={selected}
          stories={overview.stories.filter((story) => story.asset_id === selected.id)}
          onChanged={onChanged}
          onBack={() => onSelect(null)}
        />
      </div>
    );
  }
  return (
    <div className="phase-panel appreciate-panel">
      {overview.contributions.features.length === 0 ? (
        <p className="notice">{t('workshop.appreciate.none')}</p>
      ) : (
        <>
          <p className="tap-map">{t('workshop.appreciate.pick')}</p>
          <ContributionList contributions={overview.contributions} categories={categories} onSelect={onSelect} />
        </>
      )}
    </div>
  );
}
