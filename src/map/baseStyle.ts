import type { StyleSpecification } from 'maplibre-gl';
import { attributionHtml } from './attributionHtml';

export const basemapSourceId = 'basemap';
export const basemapLayerId = 'basemap';

/**
 * PDOK BRT-Achtergrondkaart (Kadaster, CC BY 4.0) as raster tiles over a plain
 * background. When the tiles cannot load, the wrapper hides the raster layer and
 * the plain background with the assets remains: never a blank map.
 * No text layers, so the style needs no glyphs and works fully offline.
 */
export function createBaseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [basemapSourceId]: {
        type: 'raster',
        tiles: ['https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png'],
        tileSize: 256,
        minzoom: 6,
        maxzoom: 19,
        // Through the same escaping as imported credits, so every link on the map is one the app made.
        attribution: attributionHtml('Kaart: PDOK / Kadaster (CC BY 4.0)'),
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef0ea' } },
      { id: basemapLayerId, type: 'raster', source: basemapSourceId, paint: { 'raster-opacity': 0.9 } },
    ],
  };
}
