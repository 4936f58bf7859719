import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Werkgebied } from '../../backend/wireTypes';

/** Whose figures: all cells, or one werkgebied's. */
export function WerkgebiedPicker({
  value,
  werkgebieden,
  onChange,
}: {
  value: string | null;
  werkgebieden: Werkgebied[];
  onChange(werkgebiedId: string | null): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="planner-field">
      <label htmlFor={id}>{t('planner.werkgebied')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)} data-testid="werkgebied-picker">
        <option value="">{t('planner.allWerkgebieden')}</option>
        {werkgebieden.map((werkgebied) => (
          <option key={werkgebied.id} value={werkgebied.id}>
            {werkgebied.name}
          </option>
        ))}
      </select>
    </div>
  );
}
