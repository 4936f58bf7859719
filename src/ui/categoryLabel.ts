import type { Category } from '../backend/wireTypes';

export function categoryLabel(category: Category | undefined, language: string): string {
  if (!category) return '';
  return language.startsWith('en') ? category.label_en : category.label_nl;
}
