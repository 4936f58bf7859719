import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../backend/api';
import type { PhotoStore } from '../backend/photoStore';
import type { ModerationItem } from '../backend/wireTypes';
import { ErrorNote } from './ErrorNote';
import { ModerationItemCard } from './ModerationItemCard';
import { PanelHeader } from './PanelHeader';
import { useErrorText } from './useErrorText';

interface Props {
  api: WijkkrachtApi;
  photoStore: PhotoStore;
  /** Null while the queue is being read. */
  items: ModerationItem[] | null;
  error: unknown;
  selectedId: string | null;
  onSelect(item: ModerationItem): void;
  /** A decision was taken: the queue and the map load again. */
  onDecided(message: string): void;
  onClose(): void;
}

/** "Te controleren": residents' new places and stories, and what was reported, each with the decisions it allows. */
export function ModerationPanel({ api, photoStore, items, error, selectedId, onSelect, onDecided, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  return (
    <section className="panel moderation-panel" aria-labelledby={titleId}>
      <PanelHeader titleId={titleId} title={t('moderation.title')} closeLabel={t('moderation.close')} onClose={onClose} />
      <p className="hint">{t('moderation.intro')}</p>
      <ErrorNote message={error === null ? null : errorText(error)} />
      {items === null && error === null && <p className="hint">{t('moderation.loading')}</p>}
      {items?.length === 0 && <p className="notice">{t('moderation.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="moderation-list">
          {items.map((item) => (
            <ModerationItemCard
              key={`${item.item_type}:${item.id}`}
              api={api}
              photoStore={photoStore}
              item={item}
              selected={selectedId === `${item.item_type}:${item.id}`}
              onSelect={() => onSelect(item)}
              onDecided={onDecided}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
