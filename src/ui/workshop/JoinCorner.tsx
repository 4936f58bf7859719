import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { correction, generate } from 'lean-qr';
import { toSvgDataURL } from 'lean-qr/extras/svg';
import { joinUrl } from './workshopRoute';

/**
 * In a corner of the shared screen: a QR code that opens the join screen with
 * the code filled in, and the code in big letters for who types it. An <img> of
 * an SVG data URL: sharp on a projector and in print, no markup injected.
 */
export function JoinCorner({ code }: { code: string }) {
  const { t } = useTranslation();
  const source = useMemo(() => {
    const qr = generate(joinUrl(window.location, code), { minCorrectionLevel: correction.M });
    // A quiet zone of four modules, as the standard asks, so phones find the code.
    return toSvgDataURL(qr, { on: 'black', off: 'white', pad: 4 });
  }, [code]);
  return (
    <aside className="join-corner" aria-labelledby="join-corner-title">
      <h2 id="join-corner-title">{t('workshop.screen.joinTitle')}</h2>
      <img className="join-qr" src={source} alt={t('workshop.screen.qrAlt')} />
      <p className="hint">{t('workshop.screen.joinHint')}</p>
      <p className="join-code" data-testid="join-code">
        {code}
      </p>
    </aside>
  );
}
