import { useTranslation } from 'react-i18next';
import { toggleDimension } from '../domain/placeDraft';
import { healthDimensions, type HealthDimension } from '../domain/types';

interface DimensionPickerProps {
  selected: HealthDimension[];
  onChange(selected: HealthDimension[]): void;
}

/** The six Positive Health dimensions as large toggle buttons (easy to tap). */
export function DimensionPicker({ selected, onChange }: DimensionPickerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="dimensions">
      <legend>{t('add.dimensions')}</legend>
      <p className="hint">{t('add.dimensionsHint')}</p>
      <div className="chips">
        {healthDimensions.map((dimension) => (
          <label key={dimension} className={`chip ${selected.includes(dimension) ? 'chip-on' : ''}`}>
            <input type="checkbox" checked={selected.includes(dimension)} onChange={() => onChange(toggleDimension(selected, dimension))} />
            {t(`dimension.${dimension}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
