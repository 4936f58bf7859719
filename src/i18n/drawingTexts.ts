// Drawing a walking route or an area on the map: a few big buttons, read on a
// phone in a community centre. Dutch first, plain B1.

export const drawingNl = {
  whatToAdd: 'Wat wilt u toevoegen?',
  kind: {
    place: 'Plek',
    route: 'Wandelroute',
    area: 'Gebied',
  },
  hint: 'Tik op de kaart om punten te zetten.',
  pointsSet_one: '{{count}} punt gezet',
  pointsSet_other: '{{count}} punten gezet',
  needMore: {
    route: 'Een route heeft minstens 2 punten.',
    area: 'Een gebied heeft minstens 3 punten.',
  },
  canFinish: 'Zet nog een punt, of tik op Klaar.',
  undo: 'Laatste punt weg',
  finish: 'Klaar',
  stop: 'Stoppen',
  title: {
    route: 'Nieuwe wandelroute',
    area: 'Nieuw gebied',
  },
  redrawHint: {
    route: 'Klopt de route niet?',
    area: 'Klopt het gebied niet?',
  },
  redraw: 'Opnieuw tekenen',
};

export const drawingEn: typeof drawingNl = {
  whatToAdd: 'What do you want to add?',
  kind: {
    place: 'Place',
    route: 'Walking route',
    area: 'Area',
  },
  hint: 'Tap the map to set points.',
  pointsSet_one: '{{count}} point set',
  pointsSet_other: '{{count}} points set',
  needMore: {
    route: 'A route needs at least 2 points.',
    area: 'An area needs at least 3 points.',
  },
  canFinish: 'Set another point, or tap Done.',
  undo: 'Remove last point',
  finish: 'Done',
  stop: 'Stop',
  title: {
    route: 'New walking route',
    area: 'New area',
  },
  redrawHint: {
    route: 'Is the route not right?',
    area: 'Is the area not right?',
  },
  redraw: 'Draw again',
};
