import { describe, expect, it } from 'vitest';
import { readKeyFigures } from './keyFigures';

describe('key figures read from a CBS wijk or buurt file', () => {
  it('reads tmap’s names and CBS’s own, the urbanity in words as CBS’s class, and leaves out what the file lacks', () => {
    expect(
      readKeyFigures({ population: 8425, pop_65plus: 9, dwelling_total: 4267, urbanity: 'extremely urbanised', edu_appl_sci: 59 }),
    ).toEqual({ population: 8425, share_65plus: 9, dwellings: 4267, urbanity: 1, higher_education: 59 });
    expect(readKeyFigures({ aantal_inwoners: 120, woningvoorraad: 50, mate_van_stedelijkheid: 5 })).toEqual({
      population: 120,
      dwellings: 50,
      urbanity: 5,
    });
  });

  it('keeps a secret count (CBS writes -99997) or text as unknown, never as 0', () => {
    expect(readKeyFigures({ income_low: -99997, income_high: 'geheim', dwelling_value: null })).toEqual({
      income_low: null,
      income_high: null,
      dwelling_value: null,
    });
  });
});
