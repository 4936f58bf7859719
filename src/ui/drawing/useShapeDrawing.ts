import { useEffect, useRef, useState } from 'react';
import { hasEnoughVertices, type DrawnGeometry, type ShapeKind } from '../../map/drawnShape';
import type { ShapeDrawing } from '../../map/shapeDrawing';

/**
 * Draws one route or area on the map while the component lives: starts when
 * the map is there, drops an unfinished shape when it goes. The count of
 * points decides what may be pressed.
 */
export function useShapeDrawing(drawing: ShapeDrawing | null, kind: ShapeKind, onFinished: (geometry: DrawnGeometry) => void) {
  const [vertexCount, setVertexCount] = useState(0);
  // The latest callback, without starting the drawing again when it changes.
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!drawing) return;
    drawing.startDrawing(kind, { onVertexCount: setVertexCount, onFinished: (geometry) => finished.current(geometry) });
    return () => drawing.cancelDrawing();
  }, [drawing, kind]);

  return {
    vertexCount,
    canUndo: vertexCount > 0,
    canFinish: hasEnoughVertices(kind, vertexCount),
    undo: () => drawing?.undoLastVertex(),
    finish: () => drawing?.finishDrawing(),
    stop: () => drawing?.cancelDrawing(),
  };
}
