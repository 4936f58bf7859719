// The baseline of `npm run bench:start`: MapLibre alone, with the app's own base style, nothing else.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap } from 'maplibre-gl';
import { createBaseStyle } from '../../src/map/baseStyle';

new MapLibreMap({ container: 'map', style: createBaseStyle(), center: [4.505, 52.168], zoom: 14, attributionControl: false });
