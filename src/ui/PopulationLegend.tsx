import { useTranslation } from 'react-i18next';
import type { TargetGroup } from '../domain/types';
import { gapBreaks, secretCellColor } from '../map/gapLayers';
import { populationColors } from '../map/populationLayers';
import type { PopulationLayer } from './usePopulationLayer';

/** Over the map while the population layer is on: what its colours mean, from the same breaks the map uses. */
export function PopulationLegend({ group, layer }: { group: TargetGroup; layer: PopulationLayer }) {
  const { t, i18n } = useTranslation();
  const breaks = gapBreaks[group];
  return (
    <section className="map-legend population-legend" aria-label={t('population.legendName')} data-testid="population-legend">
      <p className="map-legend-title">{t(group === 'all' ? 'population.titleAll' : 'population.title65')}</p>
      {layer.count === 0 ? (
        <p>{t('population.none')}</p>
      ) : (
        <>
          <ul>
            {populationColors.map((color, index) => (
              <li key={color}>
                <span className="swatch" style={{ background: color }} aria-hidden="true" />
                {index + 1 < breaks.length ? `${breaks[index]}–${breaks[index + 1]! - 1}` : `${breaks[index]}+`}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: secretCellColor }} aria-hidden="true" />
              {t('planner.legend.secret')}
            </li>
          </ul>
          <p className="hint">
            {t('population.cells', { count: layer.count, formatted: layer.count.toLocaleString(i18n.language) })}
            {layer.estimated > 0 &&
              ` ${t('population.estimated', { count: layer.estimated, formatted: layer.estimated.toLocaleString(i18n.language) })}`}
          </p>
        </>
      )}
    </section>
  );
}
