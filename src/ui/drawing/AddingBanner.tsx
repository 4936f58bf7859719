import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceDraft } from '../../domain/placeDraft';
import type { ShapeKind } from '../../map/drawnShape';
import type { ShapeDrawing } from '../../map/shapeDrawing';
import { DrawShapeControls } from './DrawShapeControls';
import { placeDraftForShape } from './shapeDraft';
import type { ShapeDraftState } from './useShapeDraft';
import './drawing.css';

type AddKind = 'place' | ShapeKind;
const addKinds: AddKind[] = ['place', 'route', 'area'];

interface AddingBannerProps {
  drawing: ShapeDrawing | null;
  shapeDraft: ShapeDraftState;
  setDraft(update: (current: PlaceDraft) => PlaceDraft): void;
  /** A route or area is drawn (and stored in the drafts): its form can open. */
  onShapeDrawn(): void;
  /** The form without a spot, to choose a buurt or address instead of tapping. */
  onWithoutMap(): void;
  onCancel(): void;
}

/**
 * "Voeg een plek toe", before the form: a place (tap one spot), a walking
 * route or an area (tap its points). Opening it starts afresh: a shape drawn
 * before is dropped, though its kind is chosen again ("Opnieuw tekenen").
 */
export function AddingBanner({ drawing, shapeDraft, setDraft, onShapeDrawn, onWithoutMap, onCancel }: AddingBannerProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AddKind>(() => shapeDraft.shape?.kind ?? 'place');
  const { clearShape, saveShape } = shapeDraft;
  const labelId = useId();

  useEffect(() => clearShape(), [clearShape]);

  return (
    <div className="placing-banner adding-banner">
      <p id={labelId} className="add-kind-label">
        {t('drawing.whatToAdd')}
      </p>
      <div className="toggle" role="group" aria-labelledby={labelId}>
        {addKinds.map((choice) => (
          <button key={choice} type="button" aria-pressed={choice === kind} onClick={() => setKind(choice)}>
            {t(`drawing.kind.${choice}`)}
          </button>
        ))}
      </div>
      {kind === 'place' ? (
        <div className="add-place-hint" role="status">
          <div className="add-place-texts">
            <p>{t('add.tapMap')}</p>
            <p className="hint keyboard-hint">
              {t('add.tapMapKeyboard')} {/* Without the map: the form asks for a buurt or address instead. */}
              <button type="button" className="link-button" onClick={onWithoutMap}>
                {t('placeList.where.choose')}
              </button>
            </p>
          </div>
          <button type="button" onClick={onCancel}>
            {t('add.cancel')}
          </button>
        </div>
      ) : (
        <DrawShapeControls
          key={kind}
          drawing={drawing}
          kind={kind}
          onFinished={(geometry) => {
            saveShape({ kind, geometry });
            setDraft((current) => placeDraftForShape(current, kind));
            onShapeDrawn();
          }}
          onStop={onCancel}
        />
      )}
    </div>
  );
}
