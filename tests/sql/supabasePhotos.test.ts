/**
 * Photos in shared mode over HTTP, as the app does it: the app's PhotoStore
 * with supabase-js's Storage client (src/backend/supabase/storagePhotoFiles.ts)
 * → the stand-in project (tests/support/sharedStack.ts: PostgREST 12 and the
 * Storage stand-in, which inserts into storage.objects as the caller) →
 * PostgreSQL 15, where the bucket's policies (14_photos.sql) decide. The real
 * Storage server cannot run here; what the stand-in leaves out is listed in it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/backend/apiError';
import type { AssetFeature } from '../../src/backend/wireTypes';
import { issueSession } from '../support/authStandIn';
import { jpegLikeBytes } from '../support/photoFixtures';
import { requirementMissing } from '../support/sharedRequirements';
import { personOnProject } from '../support/sharedProjectApi';
import { sharedStackAvailable, startSharedStack, type SharedStack } from '../support/sharedStack';
import { makeWerkgebied } from '../support/werkgebiedFixtures';

const skip = requirementMissing('PostgreSQL 15 + PostGIS and PostgREST 12 (the shared stand-in project)', sharedStackAvailable());

type Person = ReturnType<typeof personOnProject>;

describe.skipIf(skip)('photos in shared mode: PhotoStore → supabase-js Storage → stand-in Storage → PostgreSQL 15', () => {
  let project: SharedStack;
  let garden: AssetFeature;
  const people = {} as Record<'administrator' | 'facilitator' | 'resident' | 'otherResident' | 'visitor', Person>;

  const personWith = (accessToken: string | null): Person => personOnProject(project, accessToken);

  async function signedIn(id: string, appMetadata?: Record<string, unknown>): Promise<Person> {
    return personWith((await issueSession(project.auth, { id, ...(appMetadata ? { appMetadata } : {}) })).access_token);
  }

  const refusedWith = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  beforeAll(async () => {
    project = await startSharedStack();
    people.administrator = await signedIn(randomUUID(), { wijkkracht_role: 'admin' });
    const facilitatorId = randomUUID();
    people.facilitator = await signedIn(facilitatorId);
    people.resident = await signedIn(randomUUID());
    people.otherResident = await signedIn(randomUUID());
    people.visitor = personWith(null);
    const werkgebied = await makeWerkgebied(people.administrator.api, {
      code: 'FOTO-WG',
      name: 'Foto werkgebied',
      box: [5.0, 52.0, 5.1, 52.1],
      reviewFirst: true,
    });
    await people.administrator.api.setMember({ werkgebiedId: werkgebied.id, userId: facilitatorId, role: 'facilitator' });
    garden = await people.facilitator.api.addAsset({
      kind: 'place',
      category: 'moestuin',
      name: 'Moestuin',
      geometry: { type: 'Point', coordinates: [5.05, 52.05] },
    });
  }, 120_000);
  afterAll(async () => {
    await project?.stop();
  });

  it("stores a resident's photo in Storage, shows its file only to them until a facilitator approves it, then to a visitor", async () => {
    const bytes = jpegLikeBytes(5000, 3);
    const photo = await people.resident.photos.add({
      assetId: garden.id,
      file: new Blob([bytes], { type: 'image/jpeg' }),
      mimeType: 'image/jpeg',
      width: 100,
      height: 80,
      caption: 'Tomaten',
    });
    expect(photo).toMatchObject({ stored: true, status: 'pending', caption: 'Tomaten' });
    expect(photo.storage_path).toMatch(new RegExp(`/${garden.id}/${photo.id}\\.jpg$`));
    expect(new Uint8Array(await (await people.resident.photos.read(photo)).arrayBuffer())).toEqual(bytes);
    expect((await refusedWith(people.visitor.photos.read(photo))).kind).toBe('not_found');
    expect((await refusedWith(people.otherResident.photos.read(photo))).kind).toBe('not_found');

    await people.facilitator.api.moderate('photo', photo.id, 'approve');
    const shown = (await people.visitor.api.getAsset(garden.id)).photos;
    expect(shown.map((each) => each.id)).toEqual([photo.id]);
    expect(new Uint8Array(await (await people.visitor.photos.read(shown[0]!)).arrayBuffer())).toEqual(bytes);
  });

  it('refuses a file at a path its row did not give, one too large for the bucket, and one of another type', async () => {
    const row = await people.resident.api.addPhotoRow({ assetId: garden.id, mimeType: 'image/jpeg', width: 10, height: 10, byteSize: 100 });
    const bucket = (person: Person) => person.photoBucket;
    const path = row.storage_path as string;
    // Someone else, and a visitor, may not fill the resident's path.
    const byOther = await bucket(people.otherResident).upload(path, new Blob([jpegLikeBytes(100)], { type: 'image/jpeg' }));
    expect(byOther.error?.message).toMatch(/row-level security/);
    const byVisitor = await bucket(people.visitor).upload(path, new Blob([jpegLikeBytes(100)], { type: 'image/jpeg' }));
    expect(byVisitor.error).not.toBeNull();
    // The bucket's limits, as the Storage server checks them before the policies.
    const tooLarge = await bucket(people.resident).upload(path, new Blob([jpegLikeBytes(1_000_001)], { type: 'image/jpeg' }));
    expect(tooLarge.error).toMatchObject({ status: 413 });
    const png = await bucket(people.resident).upload(path, new Blob([jpegLikeBytes(100)], { type: 'image/png' }));
    expect(png.error).toMatchObject({ status: 415 });
    // Not shown before its file is there; then once, and never replaced.
    expect((await refusedWith(people.resident.api.photoUploaded(row.id))).detail).toBe('photo_file');
    expect((await bucket(people.resident).upload(path, new Blob([jpegLikeBytes(100)], { type: 'image/jpeg' }))).error).toBeNull();
    expect((await people.resident.api.photoUploaded(row.id)).stored).toBe(true);
    const again = await bucket(people.resident).upload(path, new Blob([jpegLikeBytes(100, 9)], { type: 'image/jpeg' }));
    expect(again.error?.message).toMatch(/row-level security/);
  });

  it('finishes an interrupted add when it is tried again with the same key: one row, one file', async () => {
    const idempotencyKey = randomUUID();
    const photo = { assetId: garden.id, mimeType: 'image/jpeg' as const, width: 10, height: 10, idempotencyKey };
    // The first try made the row and uploaded the file, but its answer got lost before photo_uploaded.
    const row = await people.resident.api.addPhotoRow({ ...photo, byteSize: 200 });
    await people.resident.photoBucket.upload(row.storage_path as string, new Blob([jpegLikeBytes(200)], { type: 'image/jpeg' }));
    const retried = await people.resident.photos.add({ ...photo, file: new Blob([jpegLikeBytes(200)], { type: 'image/jpeg' }) });
    expect(retried).toMatchObject({ id: row.id, stored: true });
  });
});
