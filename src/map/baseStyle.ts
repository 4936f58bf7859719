import type { StyleSpecification } from 'maplibre-gl';
import { attributionHtml } from './attributionHtml';
import { labelFontFaces } from './labelFonts';

export const basemapSourceId = 'basemap';
export const basemapLayerId = 'basemap';

/** A basemap file kept on this device (basemapSwitch.ts): its tiles' protocol, source and layer names. */
export const storedBasemapProtocol = 'pmtiles';
export const storedSourceId = 'stored-basemap';
/** Every layer of the stored basemap starts with this, so the map can take them all away again. */
export const storedLayerPrefix = 'stored-basemap-';

/**
 * PDOK BRT-Achtergrondkaart (Kadaster, CC BY 4.0) as raster tiles over a plain
 * background. When the tiles cannot load, the wrapper hides the raster layer and
 * shows a stored basemap if there is one, else the plain background with the
 * assets and the names of areas and places: never a blank map.
 * Labels are drawn with fonts the app ships (`font-faces`, labelFonts.ts), so no
 * glyph server is needed and the style is complete offline.
 */
export function createBaseStyle(): StyleSpecification {
  return {
    version: 8,
    'font-faces': labelFontFaces(),
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
