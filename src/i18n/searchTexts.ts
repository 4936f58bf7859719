// Finding a street, buurt or place, and "my location". Dutch first, plain B1.

export const searchNl = {
  button: 'Zoek',
  title: 'Zoek een plek',
  label: 'Naam van een buurt, wijk of plek',
  hint: 'Typ twee letters of meer. U zoekt in wat op dit apparaat staat; dat werkt ook zonder internet.',
  found_one: '1 gevonden',
  found_other: '{{count}} gevonden',
  none: 'Niets gevonden met deze naam.',
  level: { gemeente: 'gemeente', wijk: 'wijk', buurt: 'buurt', pc4: 'postcodegebied', other: 'gebied' },
  myLocation: 'Mijn locatie',
  locating: 'Uw locatie wordt gezocht…',
  located: 'De kaart laat zien waar u ongeveer bent.',
  locationRefused: 'De app mag uw locatie niet zien. Zet dit aan in de instellingen van uw browser, of zoek uw buurt hierboven.',
  locationUnknown: 'Uw locatie is nu niet te vinden. Probeer het zo nog eens, of zoek uw buurt hierboven.',
  locationUnavailable: 'Deze browser kan uw locatie niet geven. Zoek uw buurt hierboven.',
  close: 'Sluiten',
};

export const searchEn: typeof searchNl = {
  button: 'Search',
  title: 'Find a place',
  label: 'Name of a neighbourhood, district or place',
  hint: 'Type two letters or more. You search what is on this device; that works without internet too.',
  found_one: '1 found',
  found_other: '{{count}} found',
  none: 'Nothing found with this name.',
  level: { gemeente: 'municipality', wijk: 'district', buurt: 'neighbourhood', pc4: 'postcode area', other: 'area' },
  myLocation: 'My location',
  locating: 'Finding your location…',
  located: 'The map shows roughly where you are.',
  locationRefused: 'The app may not see your location. Allow it in your browser settings, or search your neighbourhood above.',
  locationUnknown: 'Your location cannot be found now. Try again shortly, or search your neighbourhood above.',
  locationUnavailable: 'This browser cannot give your location. Search your neighbourhood above.',
  close: 'Close',
};
