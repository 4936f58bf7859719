// "Wat is er in de buurt?": the places within a distance of a spot, or the
// nearest ones. Dutch first, plain B1.

export const nearbyNl = {
  button: 'In de buurt',
  buttonName: 'Wat is er in de buurt?',
  title: 'Wat is er in de buurt?',
  where: 'Tik op de kaart, of zoek een adres of buurt.',
  search: 'Of zoek een adres, straat, buurt of plek',
  spotChosen: 'Rond: {{name}}',
  spotOnMap: 'Rond de plek waar u op de kaart tikte.',
  distance: 'Hoe ver',
  distanceOption: '{{metres}} m (± {{minutes}} min lopen)',
  kind: 'Wat zoekt u?',
  anyKind: 'Alle soorten plekken',
  found_one: 'Binnen {{metres}} m ligt 1 plek.',
  found_other: 'Binnen {{metres}} m liggen {{count}} plekken.',
  foundMore: 'De {{shown}} dichtstbij staan hieronder.',
  noneWithin: 'Binnen {{metres}} m ligt geen plek. Het dichtstbij:',
  noneAtAll: 'Er is nog geen plek van deze soort in kaart gebracht.',
  row: '{{metres}} m, ongeveer {{minutes}} min lopen ({{slowMinutes}} min op een rustig tempo)',
  open: 'Bekijk',
  openName: 'Bekijk {{name}}',
  howMeasured:
    'Afstanden zijn hemelsbreed: in een rechte lijn. Over straten en bruggen is het vaak verder. De tijd is een schatting bij 4,5 km per uur; op een rustig tempo (3 km per uur) duurt het langer.',
  close: 'Sluiten',
};

export const nearbyEn: typeof nearbyNl = {
  button: 'Nearby',
  buttonName: 'What is nearby?',
  title: 'What is nearby?',
  where: 'Tap the map, or search for an address or neighbourhood.',
  search: 'Or search for an address, street, neighbourhood or place',
  spotChosen: 'Around: {{name}}',
  spotOnMap: 'Around the spot you tapped on the map.',
  distance: 'How far',
  distanceOption: '{{metres}} m (± {{minutes}} min on foot)',
  kind: 'What are you looking for?',
  anyKind: 'All kinds of place',
  found_one: 'There is 1 place within {{metres}} m.',
  found_other: 'There are {{count}} places within {{metres}} m.',
  foundMore: 'The {{shown}} nearest are listed below.',
  noneWithin: 'There is no place within {{metres}} m. The nearest:',
  noneAtAll: 'No place of this kind has been mapped yet.',
  row: '{{metres}} m, about {{minutes}} min on foot ({{slowMinutes}} min at a slow pace)',
  open: 'View',
  openName: 'View {{name}}',
  howMeasured:
    'Distances are straight lines. Along streets and bridges it is often farther. The time is an estimate at 4.5 km per hour; at a slow pace (3 km per hour) it takes longer.',
  close: 'Close',
};
