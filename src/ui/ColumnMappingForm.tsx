import { useTranslation } from 'react-i18next';
import type { Category } from '../backend/wireTypes';
import type { ColumnMapping } from '../import/columnMapping';
import { categoryLabel } from './categoryLabel';

type ColumnField = Exclude<keyof ColumnMapping, 'category'> & string;

const fieldsByFormat: Record<'csv' | 'geojson' | 'kml', ColumnField[]> = {
  csv: ['name', 'latitude', 'longitude', 'wkt', 'address', 'description', 'story', 'dimensions', 'id'],
  geojson: ['name', 'description', 'story', 'dimensions', 'id'],
  kml: ['name', 'description', 'story', 'dimensions', 'id'],
};

interface Props {
  format: 'csv' | 'geojson' | 'kml';
  columns: string[];
  mapping: ColumnMapping;
  categories: Category[];
  disabled: boolean;
  onChange(mapping: ColumnMapping): void;
}

/** "Which column is what?": one select per field, pre-filled with the guess. */
export function ColumnMappingForm({ format, columns, mapping, categories, disabled, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const categoryValue = 'column' in mapping.category ? `column:${mapping.category.column}` : `fixed:${mapping.category.fixed}`;
  return (
    <fieldset className="column-mapping" disabled={disabled}>
      <legend>{t('import.mapping')}</legend>
      <p className="hint">{t('import.mappingHint')}</p>
      <label>
        <span>{t('import.column.category')}</span>
        <select
          value={categoryValue}
          onChange={(event) => {
            const [kind, value] = event.target.value.split(/:(.*)/s) as [string, string];
            onChange({ ...mapping, category: kind === 'column' ? { column: value } : { fixed: value } });
          }}
        >
          <optgroup label={t('import.column.categoryFromColumn')}>
            {columns.map((column) => (
              <option key={column} value={`column:${column}`}>
                {column}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('import.column.fixedCategory')}>
            {categories.map((category) => (
              <option key={category.id} value={`fixed:${category.id}`}>
                {categoryLabel(category, i18n.language)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {fieldsByFormat[format].map((field) => (
        <label key={field}>
          <span>{t(`import.column.${field}`)}</span>
          <select value={mapping[field] ?? ''} onChange={(event) => onChange({ ...mapping, [field]: event.target.value || null })}>
            <option value="">{t('import.column.none')}</option>
            {columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
