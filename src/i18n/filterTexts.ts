// The legend of the map and the filter by kind, Positive Health dimension and
// domain. Dutch first, plain B1.

export const filterNl = {
  // The button is narrow (it stands under "Kaart", beside the notices); its name says all.
  button: 'Filter',
  buttonActive: 'Filter ({{count}})',
  buttonName: 'Legenda en filter',
  buttonNameActive: 'Legenda en filter ({{count}})',
  title: 'Legenda en filter',
  intro: 'Elke kleur is een soort plek. Vink aan wat u wilt zien; zonder vinkje ziet u alles.',
  shown: '{{shown}} van {{total}} plekken op de kaart',
  domains: 'Van wie of wat',
  kinds: 'Soort plek',
  dimensions: 'Waar helpt de plek bij?',
  reset: 'Alles tonen',
  close: 'Sluiten',
  population: 'Inwoners op de kaart',
  populationChoice: { none: 'Niet tonen', all: 'Alle inwoners per vak', '65plus': '65-plussers per vak' },
  domain: {
    nulde_lijn: 'Nulde lijn: wat bewoners zelf doen',
    eerstelijn: 'Eerstelijn: huisarts en zorg dichtbij',
    sociaal_domein: 'Sociaal domein: gemeente en welzijn',
    none: 'Buiten, groen en spelen',
  },
};

export const filterEn: typeof filterNl = {
  button: 'Filter',
  buttonActive: 'Filter ({{count}})',
  buttonName: 'Legend and filter',
  buttonNameActive: 'Legend and filter ({{count}})',
  title: 'Legend and filter',
  intro: 'Each colour is a kind of place. Tick what you want to see; with nothing ticked you see everything.',
  shown: '{{shown}} of {{total}} places on the map',
  domains: 'Whose or what',
  kinds: 'Kind of place',
  dimensions: 'What does the place help with?',
  reset: 'Show everything',
  close: 'Close',
  population: 'Residents on the map',
  populationChoice: { none: 'Do not show', all: 'All residents per cell', '65plus': 'Aged 65+ per cell' },
  domain: {
    nulde_lijn: 'Citizens (nulde lijn): what residents do themselves',
    eerstelijn: 'Primary care (eerstelijn): GP and care nearby',
    sociaal_domein: 'Social domain: municipality and welfare',
    none: 'Outdoors, green and play',
  },
};
