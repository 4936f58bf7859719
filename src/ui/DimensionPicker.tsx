import { useTranslation } from 'react-i18next';
import { toggleDimension } from '../domain/placeDraft';
import { healthDimensions, type HealthDimension } from '../domain/types';

interface DimensionPickerProps {
  selected: HealthDimension[];
  onChange(selected: HealthDimension[]): void;
  /** The question above the chips; by default the add form's. */
  legend?: string;
  /** The hint under it; null for none. */
  hint?: string | null;
}

/** The six Positive Health dimensions as large toggle buttons (easy to tap). */
export function DimensionPicker({ selected, onChange, legend, hint }: DimensionPickerProps) {
  const { t } = useTranslation();
  const shownHint = hint === undefined ? t('add.dimensionsHint') : hint;
  return (
    <fieldset className="dimensions">
      <legend>{legend ?? t('add.dimensions')}</legend>
      {shownHint && <p className="hint">{shownHint}</p>}
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
