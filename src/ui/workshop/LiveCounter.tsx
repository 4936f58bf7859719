import { useTranslation } from 'react-i18next';
import type { SessionOverview } from '../../backend/sessionWireTypes';

/** What the room has done so far, in four big numbers. */
export function LiveCounter({ counts }: { counts: SessionOverview['counts'] }) {
  const { t } = useTranslation();
  const items = [
    ['contributions', counts.contributions],
    ['stories', counts.stories],
    ['appreciations', counts.appreciations],
    ['participants', counts.participants],
  ] as const;
  return (
    <section className="live-counter" aria-labelledby="live-counter-title" aria-live="polite">
      <h2 id="live-counter-title">{t('workshop.counter.title')}</h2>
      <dl>
        {items.map(([name, value]) => (
          <div key={name} data-testid={`count-${name}`}>
            <dd>{value}</dd>
            <dt>{t(`workshop.counter.${name}`, { count: value })}</dt>
          </div>
        ))}
      </dl>
    </section>
  );
}
