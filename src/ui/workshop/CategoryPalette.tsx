import { useTranslation } from 'react-i18next';
import type { Category } from '../../backend/wireTypes';
import { categoryLabel } from '../categoryLabel';

interface CategoryPaletteProps {
  categories: Category[];
  onChoose(categoryId: string): void;
}

/**
 * The kinds of place as big colour buttons, one tap each, in the map's own
 * colours: easier for a first-time user than a menu.
 */
export function CategoryPalette({ categories, onChoose }: CategoryPaletteProps) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="category-palette">
      <legend>{t('workshop.explore.choose')}</legend>
      <div className="palette-grid">
        {categories.map((category) => (
          <button key={category.id} type="button" className="palette-button" onClick={() => onChoose(category.id)}>
            <span className="palette-swatch" style={{ background: category.color }} aria-hidden="true" />
            {categoryLabel(category, i18n.language)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
