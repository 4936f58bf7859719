import { useTranslation } from 'react-i18next';
import type { SnapshotMethod } from '../../../backend/wireTypes';

const methodKeys = {
  areal_weighting: 'snapshots.methodAreal',
  dasymetric: 'snapshots.methodWeights',
  cbs_cells: 'snapshots.methodCells',
} as const;

/** How the newest snapshot's figures were made: the population's spreading and, on foot, the paths. */
export function SnapshotMethodNote({ method, onFoot }: { method: SnapshotMethod; onFoot: boolean }) {
  const { t, i18n } = useTranslation();
  const spreadings = [...new Set(method.population.map((source) => source.spreading))];
  const population = spreadings.length
    ? spreadings.map((spreading) => t(methodKeys[spreading])).join(', ')
    : t('snapshots.methodNoPopulation');
  const walking = !onFoot
    ? t('snapshots.methodStraight')
    : method.walking.networks.length
      ? t('snapshots.methodWalkNetwork', {
          sources: method.walking.networks.map((network) => network.attribution ?? network.source).join(', '),
        })
      : t('snapshots.methodWalkNone', { factor: method.walking.detour_factor.toLocaleString(i18n.language) });
  return (
    <p className="hint" data-testid="snapshot-method">
      {t('snapshots.method', { population, walking })}
    </p>
  );
}
