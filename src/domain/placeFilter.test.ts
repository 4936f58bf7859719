import { describe, expect, it } from 'vitest';
import { filterFromSearch, filterToSearch, isFiltering, noFilter, placeMatches } from './placeFilter';
import type { CareDomain } from './types';

const domains: Record<string, CareDomain | null> = { moestuin: 'nulde_lijn', fysiotherapie: 'eerstelijn', park: null };
const domainOf = (category: string) => domains[category] ?? null;
const garden = { category: 'moestuin', dimensions: ['meedoen' as const, 'kwaliteit_van_leven' as const] };
const physio = { category: 'fysiotherapie', dimensions: ['lichaamsfuncties' as const] };
const park = { category: 'park', dimensions: [] };

describe('the place filter', () => {
  it('shows everything when nothing is chosen', () => {
    expect(isFiltering(noFilter)).toBe(false);
    for (const place of [garden, physio, park]) expect(placeMatches(place, noFilter, domainOf)).toBe(true);
  });

  it('asks one of the chosen values within a group, and every group', () => {
    const byDimension = { ...noFilter, dimensions: ['meedoen' as const, 'zingeving' as const] };
    expect([garden, physio, park].map((place) => placeMatches(place, byDimension, domainOf))).toEqual([true, false, false]);
    const byDomain = { ...noFilter, domains: ['eerstelijn' as const] };
    expect([garden, physio, park].map((place) => placeMatches(place, byDomain, domainOf))).toEqual([false, true, false]);
    const both = { ...noFilter, domains: ['eerstelijn' as const], dimensions: ['meedoen' as const] };
    expect([garden, physio, park].map((place) => placeMatches(place, both, domainOf))).toEqual([false, false, false]);
    const byKind = { ...noFilter, categories: ['park', 'moestuin'] };
    expect([garden, physio, park].map((place) => placeMatches(place, byKind, domainOf))).toEqual([true, false, true]);
  });

  it('lives in the address, next to what else is there, and back', () => {
    const filter = { categories: ['moestuin', 'park'], dimensions: ['meedoen' as const], domains: ['nulde_lijn' as const] };
    const search = filterToSearch(filter, '?lang=nl');
    expect(search).toBe('?lang=nl&soort=moestuin,park&dimensie=meedoen&domein=nulde_lijn');
    expect(filterFromSearch(search)).toEqual(filter);
    expect(filterToSearch(noFilter, search)).toBe('?lang=nl');
    expect(filterToSearch(noFilter, '')).toBe('');
  });

  it('leaves out what it does not know from a typed or old address', () => {
    expect(filterFromSearch('?soort=park,<script>,park&dimensie=meedoen,geluk&domein=tweedelijn,eerstelijn')).toEqual({
      categories: ['park'],
      dimensions: ['meedoen'],
      domains: ['eerstelijn'],
    });
    const many = Array.from(
      { length: 80 },
      (_, index) => `k${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
    );
    expect(filterFromSearch(`?soort=${many.join(',')}`).categories).toHaveLength(50);
  });
});
