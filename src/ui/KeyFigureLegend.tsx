import { useTranslation } from 'react-i18next';
import { keyFigureUnits, type KeyFigure } from '../domain/keyFigures';
import { keyFigureClassColors, unknownFigureColor } from '../map/keyFigureLayers';
import type { KeyFigureLayer } from './useKeyFigureLayer';

/** Over the map while a key figure colours the areas: the figure, its classes as the map draws them, unknowns and the source. */
export function KeyFigureLegend({ layer }: { layer: KeyFigureLayer }) {
  const { t, i18n } = useTranslation();
  const { figure } = layer;
  const format = (value: number) => formatFigure(figure, value, i18n.language, (key) => t(key));
  const rows = classRows(layer, format);
  return (
    <section className="map-legend key-figure-legend" aria-label={t('keyFigures.legendName')} data-testid="key-figure-legend">
      <p className="map-legend-title">
        {t(`keyFigures.figure.${figure}`)}
        {layer.level && ` ${t(`keyFigures.perLevel.${layer.level}`)}`}
      </p>
      {layer.areas === 0 ? (
        <p>{t(layer.attributions.length === 0 ? 'keyFigures.nothing' : 'keyFigures.notThisFigure')}</p>
      ) : (
        <>
          <p className="hint">{t(`keyFigures.about.${figure}`)}</p>
          <ul>
            {rows.map((row) => (
              <li key={row.color}>
                <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
                {row.label}
              </li>
            ))}
            {layer.unknown > 0 && (
              <li>
                <span className="swatch" style={{ background: unknownFigureColor }} aria-hidden="true" />
                {t('keyFigures.unknown')}
              </li>
            )}
          </ul>
          {figure !== 'urbanity' && rows.length > 1 && <p className="hint">{t('keyFigures.classesHint')}</p>}
          {layer.unknown > 0 && <p className="hint">{t('keyFigures.unknownCount', { count: layer.unknown })}</p>}
          {layer.attributions.length > 0 && (
            <p className="hint">{t('keyFigures.source', { attribution: layer.attributions.join(', ') })}</p>
          )}
        </>
      )}
    </section>
  );
}

/** One line per class, in the map's colours: "12 – 20 %", or CBS's name of an urbanity class. */
function classRows(layer: KeyFigureLayer, format: (value: number) => string): Array<{ color: string; label: string }> {
  const { breaks, min, max, descending } = layer.classes;
  if (min === null || max === null) return [];
  const shown = keyFigureClassColors(breaks, descending);
  if (layer.figure === 'urbanity') return shown.map((color, index) => ({ color, label: format(index + 1) }));
  return shown.map((color, index) => {
    const lower = index === 0 ? min : breaks[index - 1]!;
    const upper = index === breaks.length ? max : breaks[index]!;
    return { color, label: lower === upper ? format(lower) : `${format(lower)} – ${format(upper)}` };
  });
}

/** A figure's value as people read it: a count, a percentage, euros, per km², or an urbanity class's name. */
function formatFigure(figure: KeyFigure, value: number, language: string, t: (key: string) => string): string {
  const number = (digits: number) => value.toLocaleString(language, { maximumFractionDigits: digits });
  switch (keyFigureUnits[figure]) {
    case 'percent':
      return `${number(1)} %`;
    case 'thousand_euro':
      return `€ ${(value * 1000).toLocaleString(language, { maximumFractionDigits: 0 })}`;
    case 'urbanity_class':
      return t(`keyFigures.urbanityClass.${Math.round(value)}`);
    default:
      return number(0);
  }
}
