import './actionMarkers.css';

/** A workshop action on the map: what the group wants to do there. */
export interface ActionPoint {
  id: string;
  lon: number;
  lat: number;
  label: string;
}

/**
 * The marker of an action: a star in a dark circle with its label above, so it
 * looks like no place (places are coloured dots). HTML, not a map layer: the
 * style has no glyphs (it works offline), and a map layer cannot draw text
 * without them. Taps go through it to the map, so drawing near it still works.
 */
export function actionMarkerElement(label: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'action-marker';
  const text = document.createElement('span');
  text.className = 'action-marker-label';
  // textContent: labels are typed by people, never HTML.
  text.textContent = label;
  const pin = document.createElement('span');
  pin.className = 'action-marker-pin';
  pin.setAttribute('aria-hidden', 'true');
  pin.textContent = '★';
  element.append(text, pin);
  return element;
}
