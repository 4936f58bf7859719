// Connections between places: who works with whom, what meets where. Dutch
// first, plain B1. "from" reads from the open place, "to" from the other one.

export const connectionNl = {
  title: 'Verbonden met',
  none: 'Nog geen verbindingen.',
  kind: {
    from: {
      works_with: 'Werkt samen met',
      meets_at: 'Komt samen in',
      refers_to: 'Verwijst naar',
      part_of: 'Hoort bij',
    },
    to: {
      works_with: 'Werkt samen met',
      meets_at: 'Komt hier samen',
      refers_to: 'Krijgt verwijzingen van',
      part_of: 'Heeft als onderdeel',
    },
  },
  open: 'Bekijk {{name}}',
  remove: 'Verbinding weghalen',
  removed: 'De verbinding is weggehaald.',
  add: 'Verbind met een andere plek',
  addKind: 'Hoe horen ze bij elkaar?',
  addPlace: 'Met welke plek?',
  choosePlace: 'Kies een plek',
  addHint: 'U ziet de plekken die nu op de kaart staan, de dichtstbijzijnde eerst.',
  save: 'Verbinden',
  saved: 'De plekken zijn verbonden.',
};

export const connectionEn: typeof connectionNl = {
  title: 'Connected with',
  none: 'No connections yet.',
  kind: {
    from: {
      works_with: 'Works with',
      meets_at: 'Meets at',
      refers_to: 'Refers to',
      part_of: 'Is part of',
    },
    to: {
      works_with: 'Works with',
      meets_at: 'Meets here',
      refers_to: 'Gets referrals from',
      part_of: 'Has as a part',
    },
  },
  open: 'Open {{name}}',
  remove: 'Remove connection',
  removed: 'The connection was removed.',
  add: 'Connect with another place',
  addKind: 'How do they belong together?',
  addPlace: 'With which place?',
  choosePlace: 'Choose a place',
  addHint: 'You see the places now on the map, nearest first.',
  save: 'Connect',
  saved: 'The places are connected.',
};
