import { useTranslation } from 'react-i18next';
import type { DrawnGeometry, ShapeKind } from '../../map/drawnShape';
import type { ShapeDrawing } from '../../map/shapeDrawing';
import { useShapeDrawing } from './useShapeDrawing';
import './drawing.css';

interface DrawShapeControlsProps {
  /** Drawing on the map (MapView's onDrawingReady); null until the map is there. */
  drawing: ShapeDrawing | null;
  kind: ShapeKind;
  onFinished(geometry: DrawnGeometry): void;
  onStop(): void;
}

/**
 * Drawing a walking route or an area by tapping points: how many are set, and
 * big buttons to take the last one away, to finish, or to stop.
 */
export function DrawShapeControls({ drawing, kind, onFinished, onStop }: DrawShapeControlsProps) {
  const { t } = useTranslation();
  const { vertexCount, canUndo, canFinish, undo, finish, stop } = useShapeDrawing(drawing, kind, onFinished);

  return (
    <div className="draw-shape-controls">
      <p className="draw-shape-hint">{t('drawing.hint')}</p>
      <p className="draw-shape-count" role="status">
        <strong>{t('drawing.pointsSet', { count: vertexCount })}</strong>{' '}
        {canFinish ? t('drawing.canFinish') : t(`drawing.needMore.${kind}`)}
      </p>
      <div className="draw-shape-buttons">
        <button type="button" onClick={undo} disabled={!canUndo}>
          {t('drawing.undo')}
        </button>
        <button type="button" className="primary" onClick={finish} disabled={!canFinish}>
          {t('drawing.finish')}
        </button>
        <button
          type="button"
          onClick={() => {
            stop();
            onStop();
          }}
        >
          {t('drawing.stop')}
        </button>
      </div>
    </div>
  );
}
