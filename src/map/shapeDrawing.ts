import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawModeUndoRedo, TerraDrawPolygonMode, type HexColor } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { draftColor } from './draftShapeLayers';
import { drawingVertexCount, hasEnoughVertices, isCompleteShape, type DrawnGeometry, type ShapeKind } from './drawnShape';

export interface DrawingEvents {
  /** The points set so far, after every tap and every undo. */
  onVertexCount(count: number): void;
  /** "Klaar" with enough points: the shape, as GeoJSON in WGS84. */
  onFinished(geometry: DrawnGeometry): void;
}

/** What a screen may do with the map while a resident draws a route or an area. */
export interface ShapeDrawing {
  startDrawing(kind: ShapeKind, events: DrawingEvents): void;
  /** Takes the last point away again. */
  undoLastVertex(): void;
  /** Ends the shape, if it has enough points (2 for a route, 3 for an area). */
  finishDrawing(): void;
  /** Stops drawing and drops what was drawn. */
  cancelDrawing(): void;
}

const terraDrawMode: Record<ShapeKind, 'linestring' | 'polygon'> = { route: 'linestring', area: 'polygon' };
const idleMode = 'static';

// Big points for fingers: radius in pixels (terra-draw's "width" of a point is MapLibre's circle-radius).
const color = draftColor as HexColor;
const pointStyles = {
  coordinatePointWidth: 9,
  coordinatePointColor: '#ffffff',
  coordinatePointOutlineColor: color,
  coordinatePointOutlineWidth: 4,
  closingPointWidth: 9,
  closingPointColor: '#ffffff',
  closingPointOutlineColor: color,
  closingPointOutlineWidth: 4,
} as const;

/**
 * Owns the one terra-draw instance of a map. terra-draw draws the shape and
 * keeps its undo history; this class starts and ends a drawing, counts its
 * points and hands the finished shape over. Touch needs three settings:
 * a first tap that jitters a few pixels is still a tap (minPixelDragDistance),
 * a tap near the last point adds a point instead of finishing the shape
 * (pointerDistance 0: only "Klaar" finishes), and the points are big.
 */
export class ShapeDrawer implements ShapeDrawing {
  private readonly draw: TerraDraw;
  private session: { kind: ShapeKind; events: DrawingEvents; vertexCount: number } | null = null;
  private started = false;

  constructor(private readonly map: MapLibreMap) {
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7, minPixelDragDistance: 8, minPixelDragDistanceDrawing: 10 }),
      modes: [
        new TerraDrawLineStringMode({
          pointerDistance: 0,
          showCoordinatePoints: true,
          styles: { lineStringColor: color, lineStringWidth: 5, ...pointStyles },
        }),
        new TerraDrawPolygonMode({
          pointerDistance: 0,
          showCoordinatePoints: true,
          styles: { fillColor: color, fillOpacity: 0.2, outlineColor: color, outlineWidth: 4, ...pointStyles },
        }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo({ maxStackSize: 200 }) },
    });
    this.draw.on('change', () => this.countVertices());
    this.draw.on('finish', (id, context) => {
      if (context.action === 'draw') this.finished(id);
    });
  }

  /** Call once the style is loaded: terra-draw adds its sources and layers then, above those already there. */
  start(): void {
    this.draw.start();
    this.started = true;
    if (this.session) this.draw.setMode(terraDrawMode[this.session.kind]);
  }

  stop(): void {
    this.session = null;
    this.started = false;
    this.draw.stop();
  }

  /** True while a route or area is being drawn: every tap is a point then, not a click on the map. */
  get drawing(): boolean {
    return this.session !== null;
  }

  startDrawing(kind: ShapeKind, events: DrawingEvents): void {
    this.cancelDrawing();
    this.session = { kind, events, vertexCount: 0 };
    if (this.started) this.draw.setMode(terraDrawMode[kind]);
    events.onVertexCount(0);
  }

  undoLastVertex(): void {
    if (this.session && this.started) this.draw.undo();
  }

  finishDrawing(): void {
    if (!this.session || !this.started || !hasEnoughVertices(this.session.kind, this.session.vertexCount)) return;
    // terra-draw has no public finish(); its modes finish on the Enter key, heard on the canvas.
    this.map.getCanvas().dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
  }

  cancelDrawing(): void {
    this.session = null;
    if (!this.started) return;
    // Leaving the mode drops the shape in progress; clear() also drops a finished one still shown.
    this.draw.setMode(idleMode);
    this.draw.clear();
  }

  private countVertices(): void {
    const session = this.session;
    if (!session) return;
    const current = this.draw.getSnapshot().find((feature) => feature.properties.currentlyDrawing === true);
    const count = current ? drawingVertexCount(current) : 0;
    if (count === session.vertexCount) return;
    session.vertexCount = count;
    session.events.onVertexCount(count);
  }

  private finished(id: string | number): void {
    const session = this.session;
    if (!session) return;
    const geometry = this.draw.getSnapshotFeature(id)?.geometry;
    if (!geometry || !isCompleteShape(session.kind, geometry)) {
      // The Enter key after a single point: terra-draw ends a one-point line. Start again, empty.
      this.draw.removeFeatures([id]);
      this.draw.setMode(idleMode);
      this.draw.setMode(terraDrawMode[session.kind]);
      return;
    }
    this.cancelDrawing();
    session.events.onFinished(geometry);
  }
}
