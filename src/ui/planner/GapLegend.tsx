import { useTranslation } from 'react-i18next';
import { walkDetourFactor } from '../../domain/nearby';
import type { TargetGroup } from '../../domain/types';
import { gapBreaks, gapColors, secretCellColor } from '../../map/gapLayers';

/** What the gap layer's colours and lines mean, from the same breaks the map uses. */
export function GapLegend({ group, onFoot = false }: { group: TargetGroup; onFoot?: boolean }) {
  const { t, i18n } = useTranslation();
  const breaks = gapBreaks[group];
  return (
    <div className="gap-legend" data-testid="gap-legend">
      <p>{t(group === 'all' ? 'planner.legend.title' : 'planner.legend.title65')}</p>
      <ul>
        {gapColors.map((color, index) => (
          <li key={color}>
            <span className="swatch" style={{ background: color }} />
            {index + 1 < breaks.length ? `${breaks[index]}–${breaks[index + 1]! - 1}` : `${breaks[index]}+`}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: secretCellColor }} />
          {t('planner.legend.secret')}
        </li>
        <li>
          <span className="swatch estimated" />
          {t('planner.legend.estimated')}
        </li>
        <li>
          <span className="swatch candidate" />
          {t('planner.legend.candidate')}
        </li>
      </ul>
      {onFoot && (
        <p className="hint" data-testid="legend-walking">
          {t('planner.legend.walking', { factor: walkDetourFactor.toLocaleString(i18n.language) })}
        </p>
      )}
      <p className="hint">{t('planner.legend.blocks')}</p>
    </div>
  );
}
