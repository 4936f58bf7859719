import { useTranslation } from 'react-i18next';
import { healthDimensions, type CoverageTarget } from '../../domain/types';
import type { Category } from '../../backend/wireTypes';
import { categoryLabel } from '../categoryLabel';

/** What must be within reach: any place, one kind of place, or a place that helps with one Positive Health dimension. */
export function TargetPicker({
  value,
  categories,
  onChange,
}: {
  value: CoverageTarget;
  categories: Category[];
  onChange(target: CoverageTarget): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <label className="planner-field">
      <span>{t('planner.target')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as CoverageTarget)} data-testid="target-picker">
        <option value="any">{t('planner.anyPlace')}</option>
        <optgroup label={t('planner.kinds')}>
          {categories.map((category) => (
            <option key={category.id} value={`category:${category.id}`}>
              {categoryLabel(category, i18n.language)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('planner.dimensions')}>
          {healthDimensions.map((dimension) => (
            <option key={dimension} value={`dimension:${dimension}`}>
              {t(`dimension.${dimension}`)}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
