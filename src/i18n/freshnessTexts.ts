// Fresh places: when a place was last confirmed, and "bestaat nog" / "bestaat
// niet meer". Dutch first, plain B1.

export const freshnessNl = {
  confirmedOn: 'Laatst bevestigd: {{date}}',
  stale: 'Al lang niet bevestigd. Bestaat deze plek nog?',
  stillExists: 'Bestaat nog',
  gone: 'Bestaat niet meer',
  goneReason: 'Wat weet u ervan? (mag leeg blijven)',
  goneSend: 'Melden',
  confirmed: 'Dank u. De plek is bevestigd.',
  reported: 'Dank u. Een begeleider kijkt ernaar.',
};

export const freshnessEn: typeof freshnessNl = {
  confirmedOn: 'Last confirmed: {{date}}',
  stale: 'Not confirmed for a long time. Does this place still exist?',
  stillExists: 'Still exists',
  gone: 'No longer exists',
  goneReason: 'What do you know about it? (may stay empty)',
  goneSend: 'Report',
  confirmed: 'Thank you. The place is confirmed.',
  reported: 'Thank you. A facilitator will look at it.',
};
