import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Werkgebied } from '../../backend/wireTypes';
import { embedCode, shareUrl, type ShareKind } from '../../domain/shareLink';
import { PanelHeader } from '../PanelHeader';

interface ShareDialogProps {
  backendName: 'embedded' | 'supabase';
  werkgebieden: Werkgebied[];
  onExport(): void;
  onClose(): void;
}

/**
 * "Delen": in shared mode a read-only link to a werkgebied's map and the code
 * to embed it elsewhere (src/domain/shareLink.ts), with the filter that is on if
 * asked. In the embedded default the data is on this device only: the dialog
 * says so and offers the export instead.
 */
export function ShareDialog({ backendName, werkgebieden, onExport, onClose }: ShareDialogProps) {
  const { t } = useTranslation();
  const ids = { title: useId(), werkgebied: useId(), filter: useId(), link: useId(), embed: useId() };
  const [chosenId, setChosenId] = useState('');
  const [withFilter, setWithFilter] = useState(true);
  const werkgebied = werkgebieden.find((candidate) => candidate.id === chosenId) ?? werkgebieden[0];

  const addressOf = (kind: ShareKind) =>
    werkgebied ? shareUrl(location.href, { kind, werkgebiedId: werkgebied.id }, location.search, withFilter) : '';

  return (
    <section className="panel share-dialog" role="dialog" aria-labelledby={ids.title}>
      <PanelHeader titleId={ids.title} title={t('share.title')} closeLabel={t('share.close')} onClose={onClose} />
      {backendName === 'embedded' ? (
        <>
          <p>{t('share.embeddedIntro')}</p>
          <p>{t('share.embeddedExport')}</p>
          <button type="button" className="primary" onClick={onExport}>
            {t('share.toExport')}
          </button>
        </>
      ) : werkgebied ? (
        <>
          <p className="hint">{t('share.intro')}</p>
          <label htmlFor={ids.werkgebied}>{t('share.werkgebied')}</label>
          <select id={ids.werkgebied} value={werkgebied.id} onChange={(event) => setChosenId(event.target.value)}>
            {werkgebieden.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          <label className="checkbox-line" htmlFor={ids.filter}>
            <input id={ids.filter} type="checkbox" checked={withFilter} onChange={(event) => setWithFilter(event.target.checked)} />
            {t('share.withFilter')}
          </label>
          <CopyField id={ids.link} label={t('share.link')} text={addressOf('link')} copyLabel={t('share.copyLink')} />
          <p>
            <a href={addressOf('link')} target="_blank" rel="noopener">
              {t('share.openLink')}
            </a>
          </p>
          <CopyField
            id={ids.embed}
            label={t('share.embed')}
            text={embedCode(addressOf('embed'), t('share.embedTitle', { name: werkgebied.name }))}
            copyLabel={t('share.copyEmbed')}
            hint={t('share.embedHint')}
            rows={4}
          />
        </>
      ) : (
        <p>{t('share.noWerkgebieden')}</p>
      )}
    </section>
  );
}

/** A read-only text to copy, with a button that copies it and says whether that worked. */
function CopyField({
  id,
  label,
  text,
  copyLabel,
  hint,
  rows = 2,
}: {
  id: string;
  label: string;
  text: string;
  copyLabel: string;
  hint?: string;
  rows?: number;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <textarea id={id} readOnly rows={rows} value={text} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        onClick={() =>
          // No clipboard outside a secure page (plain http): then the message says to copy by hand.
          (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'))).then(
            () => setCopied('copied'),
            () => setCopied('failed'),
          )
        }
      >
        {copyLabel}
      </button>{' '}
      <span role="status">{copied === 'copied' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}</span>
    </div>
  );
}
