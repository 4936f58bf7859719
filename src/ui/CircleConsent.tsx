import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The key person's consent, asked when a circle is added: what the public will see, and a box to tick. */
export function CircleConsent({ given, onChange }: { given: boolean; onChange(given: boolean): void }) {
  const { t } = useTranslation();
  const ids = { title: useId(), explained: useId(), box: useId() };
  return (
    <fieldset className="circle-consent" aria-labelledby={ids.title}>
      <legend id={ids.title}>{t('circle.consentTitle')}</legend>
      <p id={ids.explained} className="hint">
        {t('circle.consentExplained')}
      </p>
      <label htmlFor={ids.box} className="checkbox-line">
        <input
          id={ids.box}
          type="checkbox"
          checked={given}
          aria-required="true"
          aria-describedby={ids.explained}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('circle.consent')}
      </label>
    </fieldset>
  );
}
