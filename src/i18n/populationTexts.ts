// The population layer's legend over the map. Dutch first, plain B1.

export const populationNl = {
  legendName: 'Legenda van de inwoners op de kaart',
  titleAll: 'Inwoners per vak van 100 m',
  title65: '65-plussers per vak van 100 m',
  none: 'Er zijn nog geen inwonerscijfers. Een beheerder kan ze toevoegen.',
  loadFailed: 'De inwoners konden niet op de kaart komen.',
  cells_one: '1 vak.',
  cells_other: '{{formatted}} vakken.',
  estimated_one: '1 daarvan is geschat uit cijfers per gebied (lichter).',
  estimated_other: '{{formatted}} daarvan zijn geschat uit cijfers per gebied (lichter).',
};

export const populationEn: typeof populationNl = {
  legendName: 'Legend of the residents on the map',
  titleAll: 'Residents per 100 m cell',
  title65: 'Aged 65+ per 100 m cell',
  none: 'There are no population figures yet. An administrator can add them.',
  loadFailed: 'The residents could not be shown on the map.',
  cells_one: '1 cell.',
  cells_other: '{{formatted}} cells.',
  estimated_one: '1 of them is estimated from figures per area (lighter).',
  estimated_other: '{{formatted}} of them are estimated from figures per area (lighter).',
};
