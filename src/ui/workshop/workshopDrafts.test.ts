import { describe, expect, it } from 'vitest';
import { actionDrafts, contributionAsset, contributionDrafts, loadDraft } from './workshopDrafts';

const storageWith = (value: unknown) => ({ getItem: () => (typeof value === 'string' ? value : JSON.stringify(value)) });

describe('workshop drafts', () => {
  it('come back for their own session only', () => {
    const draft = { ...contributionDrafts.empty('session-a'), category: 'park', story: 'Mooi groen', lon: 4.5, lat: 52.1 };
    expect(loadDraft(storageWith(draft), contributionDrafts, 'session-a')).toEqual(draft);
    expect(loadDraft(storageWith(draft), contributionDrafts, 'session-b')).toBeNull();
  });

  it('keep a drawn route, and drop a route of one point', () => {
    const route = {
      type: 'LineString',
      coordinates: [
        [4.5, 52.1],
        [4.51, 52.11],
      ],
    };
    const draft = { ...contributionDrafts.empty('a'), category: 'wandelroute', route };
    expect(loadDraft(storageWith(draft), contributionDrafts, 'a')?.route).toEqual(route);
    expect(
      loadDraft(storageWith({ ...draft, route: { type: 'LineString', coordinates: [[4.5, 52.1]] } }), contributionDrafts, 'a'),
    ).toBeNull();
  });

  it('drop what is unreadable or of another shape', () => {
    expect(loadDraft(storageWith('{not json'), contributionDrafts, 'a')).toBeNull();
    expect(loadDraft(storageWith({ sessionId: 'a', body: 'x' }), actionDrafts, 'a')).toBeNull();
    expect(loadDraft({ getItem: () => null }, actionDrafts, 'a')).toBeNull();
  });

  it('get a new idempotency key each, kept across tries', () => {
    const first = contributionDrafts.empty('a');
    expect(first.idempotencyKey).not.toBe(contributionDrafts.empty('a').idempotencyKey);
    const stored = loadDraft(storageWith(first), contributionDrafts, 'a');
    expect(stored?.idempotencyKey).toBe(first.idempotencyKey);
  });
});

describe('a contribution as add_asset takes it', () => {
  const draft = { ...contributionDrafts.empty('s'), category: 'park', lon: 4.5, lat: 52.1 };

  it('is named after its kind when nobody typed a name, and carries no empty story', () => {
    const asset = contributionAsset(draft, 'Park of groen');
    expect(asset).toMatchObject({ kind: 'place', category: 'park', name: 'Park of groen', sessionId: 's' });
    expect(asset.geometry).toEqual({ type: 'Point', coordinates: [4.5, 52.1] });
    expect(asset).not.toHaveProperty('story');
    expect(asset.idempotencyKey).toBe(draft.idempotencyKey);
  });

  it('keeps what was typed and chosen, without the spaces around it', () => {
    const asset = contributionAsset(
      { ...draft, name: ' Bankje ', story: ' Hier zit ik graag. ', dimensions: ['meedoen', 'zingeving'] },
      'Park of groen',
    );
    expect(asset.name).toBe('Bankje');
    expect(asset.story).toBe('Hier zit ik graag.');
    expect(asset.dimensions).toEqual(['meedoen', 'zingeving']);
  });

  it('needs a spot on the map', () => {
    expect(() => contributionAsset({ ...draft, lon: null }, 'Park')).toThrow();
  });

  it('is a route when one was drawn, whatever spot was tapped before', () => {
    const route = {
      type: 'LineString' as const,
      coordinates: [
        [4.5, 52.1],
        [4.51, 52.11],
      ] as [number, number][],
    };
    const asset = contributionAsset({ ...draft, category: 'wandelroute', route }, 'Wandelroute');
    expect(asset).toMatchObject({ kind: 'route', category: 'wandelroute', name: 'Wandelroute', geometry: route });
  });
});
