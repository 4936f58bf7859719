import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WijkkrachtApi } from '../../backend/api';
import { WhenLoaded, WorkshopDialog } from '../lazyScreens';

/** The top bar's "Workshop" button, for who facilitates somewhere, and the dialog it opens. */
export function WorkshopButton({ api }: { api: WijkkrachtApi }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('workshop.open')}
      </button>
      {open && (
        <WhenLoaded>
          <WorkshopDialog api={api} onClose={() => setOpen(false)} />
        </WhenLoaded>
      )}
    </>
  );
}
