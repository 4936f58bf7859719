import type { Category } from '../domain/types';

export function categoryLabel(category: Category | undefined, language: string): string {
  if (!category) return '';
  return language.startsWith('en') ? category.label_en : category.label_nl;
}
