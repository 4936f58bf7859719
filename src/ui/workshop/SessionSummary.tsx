import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import type { SessionOverview } from '../../backend/sessionWireTypes';
import type { Category } from '../../backend/wireTypes';
import { captureMapPicture } from './mapPicture';
import { SessionMap } from './SessionMap';
import { SummaryActions } from './SummaryActions';
import { SummaryCounts } from './SummaryCounts';
import { SummaryGaps } from './SummaryGaps';
import { SummaryStories } from './SummaryStories';
import { formatHeldOn } from './summaryRows';
import { sessionHash } from './workshopRoute';

interface SessionSummaryProps {
  api: WijkkrachtApi;
  overview: SessionOverview;
  categories: Category[];
}

const ignoreTap = () => undefined;

/**
 * `#workshop=<id>&verslag`: what the session brought, on one printable A4:
 * the map, the counts, the stories and appreciations, the gaps with their
 * settings, the agreements; for facilitators what still waits for review.
 */
export function SessionSummary({ api, overview, categories }: SessionSummaryProps) {
  const { t, i18n } = useTranslation();
  const { session, counts } = overview;
  const mapBox = useRef<HTMLDivElement>(null);
  const [mapPicture, setMapPicture] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  async function print() {
    setPrinting(true);
    const mapElement = mapBox.current?.querySelector<HTMLElement>('[data-testid="map"]');
    const picture = mapElement ? await captureMapPicture(mapElement) : null;
    // The picture must be in the page before the print dialog freezes it.
    flushSync(() => {
      if (picture) setMapPicture(picture);
      setPrinting(false);
    });
    window.print();
  }

  return (
    <div className="workshop workshop-summary">
      <header className="summary-header">
        <div>
          <p className="summary-kicker">{t('workshop.summary.title')}</p>
          <h1>{session.title}</h1>
          <p>{t('workshop.summary.heldOn', { werkgebied: session.werkgebied_name, date: formatHeldOn(session.held_on, i18n.language) })}</p>
        </div>
        <nav className="summary-tools">
          <button type="button" className="primary big" onClick={() => void print()} disabled={printing}>
            {t('workshop.summary.print')}
          </button>
          <a href={sessionHash(session.id)}>{t('workshop.summary.back')}</a>
        </nav>
      </header>
      <main>
        <div className={`summary-map${mapPicture ? ' has-picture' : ''}`} ref={mapBox}>
          <SessionMap
            api={api}
            session={session}
            contributions={overview.contributions}
            actions={overview.actions}
            categories={categories}
            selectedId={null}
            draftLocation={null}
            placing={false}
            gapCells={null}
            gapGroup="all"
            onMapClick={ignoreTap}
            onContributionClick={ignoreTap}
          />
          {mapPicture && <img className="summary-map-picture" src={mapPicture} alt={t('workshop.summary.mapAlt')} />}
        </div>
        <SummaryCounts counts={counts} categories={categories} />
        <SummaryStories overview={overview} />
        <SummaryGaps api={api} session={session} categories={categories} />
        <SummaryActions actions={overview.actions} />
        {session.i_facilitate && counts.pending > 0 && (
          <section className="summary-section summary-pending">
            <p className="notice">
              {t('workshop.summary.pending', { count: counts.pending })} {t('workshop.summary.review')}{' '}
              <a href="#">{t('workshop.summary.openReview')}</a>
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
