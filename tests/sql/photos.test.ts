/**
 * Photos of places (supabase/schemas/14_photos.sql), on both engines. PGlite
 * stands for the embedded default, where the database keeps a photo's file;
 * the PostgreSQL test cluster stands for a Supabase project, with the stand-in
 * Storage tables (supabase/local/storage-shim.sql), where the file goes to the
 * bucket `photos` and the bucket's policies decide who may put and read it.
 * Here an upload is what the Storage server does for it: an insert into
 * storage.objects as the caller. tests/sql/supabaseBackend does it over HTTP.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AssetFeature, Photo } from '../../src/backend/wireTypes';
import { refusal } from '../support/apiFixtures';
import { sqlEngines, type TestDatabase } from '../support/engines';
import { jpegLikeBytes } from '../support/photoFixtures';
import { castRoles, claimsOf, pointIn, rolledBackAs, type Actor } from '../support/roleCast';

const engines = sqlEngines(inject('sqlSetup'));

describe.each(engines)('photos of places on $name', ({ name, skip, open }) => {
  // PGlite is the embedded default (no Storage); the PostgreSQL cluster stands for Supabase (Storage).
  const storageEngine = name.startsWith('PostgreSQL');
  let database: TestDatabase;
  let inStorage: boolean;
  const as = (actor: Actor): WijkkrachtApi => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));
  let werkgebieden: Awaited<ReturnType<typeof castRoles>>;
  let garden: AssetFeature;

  /** What a Storage upload does: the row in storage.objects, inserted as the caller, so the policies apply. */
  async function uploadFile(actor: Actor, path: string): Promise<void> {
    await database.connection.transaction(async (tx) => {
      await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
        claimsOf(actor).role,
        JSON.stringify(claimsOf(actor)),
      ]);
      await tx.query(`insert into storage.objects (bucket_id, name, owner, metadata) values ('photos', $1, auth.uid(), '{}')`, [path]);
    });
  }

  /** Adds a photo the way this engine's app does: the file in the row, or the row, the upload and photo_uploaded. */
  async function addPhoto(actor: Actor, assetId: string, caption?: string, bytes = jpegLikeBytes()): Promise<Photo> {
    const row = { assetId, mimeType: 'image/jpeg' as const, width: 1600, height: 1200, byteSize: bytes.length, caption };
    if (!inStorage) return as(actor).addPhotoRow({ ...row, data: bytes });
    const photo = await as(actor).addPhotoRow(row);
    await uploadFile(actor, photo.storage_path as string);
    return as(actor).photoUploaded(photo.id);
  }

  /** Whether `actor` can read the photo's file: through photo_data, or through the bucket's select policy. */
  async function canReadFile(actor: Actor, photo: Photo): Promise<boolean> {
    if (!inStorage) {
      try {
        await as(actor).photoData(photo.id);
        return true;
      } catch {
        return false;
      }
    }
    const rows = await rolledBackAs(
      database.connection,
      claimsOf(actor),
      async (tx) =>
        (await tx.query(`select name from storage.objects where bucket_id = 'photos' and name = $1`, [photo.storage_path])).rows,
    );
    return rows.length === 1;
  }

  const photoIdsSeenBy = async (actor: Actor, place: AssetFeature) => (await as(actor).getAsset(place.id)).photos.map((photo) => photo.id);

  beforeAll(async () => {
    if (skip) return;
    database = await open();
    inStorage = (await database.connection.query<{ found: boolean }>('select internal.photo_bucket_exists() as found')).rows[0]!.found;
    werkgebieden = await castRoles(as);
    garden = await as('facilitator').addAsset({
      kind: 'place',
      category: 'moestuin',
      name: 'Buurtmoestuin',
      geometry: pointIn('review', 1),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it.skipIf(skip)('keeps the files in Storage where there is Storage, else in the database', () => {
    expect(inStorage).toBe(storageEngine);
  });

  describe.skipIf(skip)('moderated like a story', () => {
    it("shows a resident's photo to them and the facilitators until it is approved, then to everyone", async () => {
      const photo = await addPhoto('resident', garden.id, 'De kas in het voorjaar');
      expect(photo).toMatchObject({ status: 'pending', mine: true, stored: true, caption: 'De kas in het voorjaar', width: 1600 });
      expect(await photoIdsSeenBy('resident', garden)).toContain(photo.id);
      expect(await photoIdsSeenBy('facilitator', garden)).toContain(photo.id);
      expect(await photoIdsSeenBy('anon', garden)).not.toContain(photo.id);
      expect(await photoIdsSeenBy('otherResident', garden)).not.toContain(photo.id);
      expect(await canReadFile('anon', photo)).toBe(false);
      expect(await canReadFile('otherResident', photo)).toBe(false);
      expect(await canReadFile('resident', photo)).toBe(true);

      const queue = await as('facilitator').moderationQueue(werkgebieden.review);
      const waiting = queue.find((item) => item.item_type === 'photo' && item.id === photo.id);
      expect(waiting).toMatchObject({ name: 'Buurtmoestuin', body: 'De kas in het voorjaar', decisions: ['approve', 'reject'] });
      expect(waiting?.photo).toMatchObject({ id: photo.id, mime_type: 'image/jpeg' });
      expect(await as('otherFacilitator').moderationQueue()).not.toContainEqual(expect.objectContaining({ id: photo.id }));

      await as('facilitator').moderate('photo', photo.id, 'approve');
      expect(await photoIdsSeenBy('anon', garden)).toContain(photo.id);
      expect(await canReadFile('anon', photo)).toBe(true);
      const details = (await as('anon').getAsset(garden.id)).photos.find((each) => each.id === photo.id);
      expect(details).toMatchObject({ mine: false, may_remove: false });
    });

    it("publishes a facilitator's photo at once, and a report by enough residents hides it", async () => {
      const photo = await addPhoto('facilitator', garden.id);
      expect(photo.status).toBe('published');
      await as('resident').reportItem('photo', photo.id, 'Er staat iemand herkenbaar op');
      const queue = await as('facilitator').moderationQueue(werkgebieden.review);
      expect(queue.find((item) => item.id === photo.id)?.reports).toMatchObject([{ reason: 'Er staat iemand herkenbaar op' }]);
      await as('otherResident').reportItem('photo', photo.id, 'Niet van deze plek');
      await as('keyPerson').reportItem('photo', photo.id, 'Oud');
      expect(await photoIdsSeenBy('anon', garden)).not.toContain(photo.id);
      expect(await canReadFile('anon', photo)).toBe(false);
    });

    it('is removed by its author or a facilitator, not by someone else, and the removal can be undone', async () => {
      const photo = await addPhoto('resident', garden.id, 'Oogst');
      await as('facilitator').moderate('photo', photo.id, 'approve');
      expect((await refusal(as('otherResident').removePhoto(photo.id))).code).toBe('42501');
      const removed = await as('resident').removePhoto(photo.id);
      expect(removed.status).toBe('archived');
      expect(await photoIdsSeenBy('anon', garden)).not.toContain(photo.id);
      expect(await photoIdsSeenBy('resident', garden)).not.toContain(photo.id);
      expect(await canReadFile('anon', photo)).toBe(false);

      const history = await as('resident').itemHistory('photo', photo.id);
      expect(history.map((entry) => entry.operation)).toEqual(['add', 'approve', 'archive']);
      await as('resident').undoChange(history[2]!.id);
      expect(await photoIdsSeenBy('anon', garden)).toContain(photo.id);
    });
  });

  describe.skipIf(skip)('refused', () => {
    const row = (change: Partial<Parameters<WijkkrachtApi['addPhotoRow']>[0]> = {}) => ({
      assetId: garden.id,
      mimeType: 'image/jpeg' as const,
      width: 800,
      height: 600,
      byteSize: 1000,
      ...(inStorage ? {} : { data: jpegLikeBytes(1000) }),
      ...change,
    });

    it('from a visitor who is not signed in, and on a place the caller cannot see', async () => {
      expect((await refusal(as('anon').addPhotoRow(row()))).code).toBe('42501');
      const hidden = await as('resident').addAsset({
        kind: 'place',
        category: 'moestuin',
        name: 'Nog niet goedgekeurd',
        geometry: pointIn('review', 2),
      });
      expect((await refusal(as('otherResident').addPhotoRow(row({ assetId: hidden.id })))).detail).toBe('asset');
    });

    it('when it is not a JPEG or WebP, too large, or too many pixels, with the reason in DETAIL', async () => {
      expect((await refusal(as('resident').addPhotoRow(row({ mimeType: 'image/png' as 'image/jpeg' })))).detail).toBe('photo_type');
      const tooLarge = inStorage ? { byteSize: 1_000_001 } : { byteSize: 1_000_001, data: jpegLikeBytes(1_000_001) };
      expect((await refusal(as('resident').addPhotoRow(row(tooLarge)))).detail).toBe('photo_too_large');
      expect((await refusal(as('resident').addPhotoRow(row({ width: 4000 })))).detail).toBe('photo_size');
      expect((await refusal(as('resident').addPhotoRow(row({ caption: 'x'.repeat(201) })))).detail).toBe('caption');
    });

    it('on a circle, whose photo would say more than its coarse place may', async () => {
      const circle = await as('keyPerson').addAsset({
        kind: 'place',
        category: 'cirkel',
        name: 'Cirkel van Truus',
        geometry: pointIn('review', 3),
        circleConsent: true,
      });
      expect((await refusal(as('keyPerson').addPhotoRow(row({ assetId: circle.id })))).detail).toBe('circle_photo');
    });

    it('after 5 photos on one place', async () => {
      const place = await as('facilitator').addAsset({
        kind: 'place',
        category: 'buurthuis',
        name: 'Buurthuis',
        geometry: pointIn('review', 4),
      });
      for (let count = 0; count < 5; count++) await addPhoto('facilitator', place.id, `Foto ${count + 1}`, jpegLikeBytes(500, count));
      expect((await refusal(addPhoto('resident', place.id))).detail).toBe('photo_limit');
    });

    it('after 20 photos of one person in a day, removed ones included, so adding and removing cannot fill the storage', async () => {
      const place = await as('facilitator').addAsset({
        kind: 'place',
        category: 'speelplek',
        name: 'Speeltuin',
        geometry: pointIn('review', 5),
      });
      for (let count = 0; count < 20; count++) {
        const photo = await addPhoto('otherResident', place.id, undefined, jpegLikeBytes(300, count));
        await as('otherResident').removePhoto(photo.id);
      }
      expect((await refusal(addPhoto('otherResident', place.id))).detail).toBe('photo_quota');
      // Someone else still may.
      expect((await addPhoto('resident', place.id)).stored).toBe(true);
    });

    it('when written to the table directly, by anyone but the service role; its file and author are not readable', async () => {
      const insert = `insert into public.photos (asset_id, mime_type, byte_size, width, height, data) values ($1, 'image/jpeg', 4, 1, 1, '\\xffd8ffe0')`;
      await expect(rolledBackAs(database.connection, claimsOf('resident'), (tx) => tx.query(insert, [garden.id]))).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        rolledBackAs(database.connection, claimsOf('resident'), (tx) => tx.query('select data from public.photos')),
      ).rejects.toThrow(/permission denied/);
      await expect(
        rolledBackAs(database.connection, claimsOf('anon'), (tx) => tx.query('select created_by from public.photos')),
      ).rejects.toThrow(/permission denied/);
    });
  });

  // Each engine has the tests of where it keeps files, and only those (no skipped tests to read past).
  if (!storageEngine)
    describe.skipIf(skip)('in the database (the embedded default, PGlite)', () => {
      it('comes back as it went in', async () => {
        const photo = await addPhoto('facilitator', garden.id, 'Het hek', jpegLikeBytes(3000, 7));
        expect(Array.from(await as('anon').photoData(photo.id))).toEqual(Array.from(jpegLikeBytes(3000, 7)));
      });

      it('refuses bytes that are no JPEG, and a row without its file', async () => {
        const notAJpeg = new TextEncoder().encode('<html>not a photo</html>');
        expect((await refusal(as('resident').addPhotoRow({ ...row(), byteSize: notAJpeg.length, data: notAJpeg }))).detail).toBe(
          'photo_type',
        );
        expect((await refusal(as('resident').addPhotoRow({ ...row(), data: undefined }))).detail).toBe('photo_file');
      });

      function row() {
        return { assetId: garden.id, mimeType: 'image/jpeg' as const, width: 10, height: 10, byteSize: 100 };
      }
    });

  if (storageEngine)
    describe.skipIf(skip)('in Storage (shared mode, the PostgreSQL cluster)', () => {
      it('refuses a file sent along with the row: it goes to Storage', async () => {
        const row = { assetId: garden.id, mimeType: 'image/jpeg' as const, width: 10, height: 10, byteSize: 100 };
        expect((await refusal(as('resident').addPhotoRow({ ...row, data: jpegLikeBytes(100) }))).detail).toBe('photo_file');
      });

      /** Makes a photo row an hour and more older, beneath the rules (which keep created_at as it was). */
      const ageByTwoHours = (photoId: string) =>
        database.connection.exec(
          `set session_replication_role = replica;
           update public.photos set created_at = created_at - interval '2 hours' where id = '${photoId}';
           set session_replication_role = origin`,
        );

      it("counts the limit of 5 again when the file comes, and someone else's unfinished upload blocks nobody", async () => {
        const place = await as('facilitator').addAsset({
          kind: 'place',
          category: 'buurthuis',
          name: 'Vol',
          geometry: pointIn('review', 6),
        });
        const row = { assetId: place.id, mimeType: 'image/jpeg' as const, width: 10, height: 10, byteSize: 100 };
        const waiting = await as('resident').addPhotoRow(row);
        for (let count = 0; count < 5; count++) await addPhoto('facilitator', place.id, `Foto ${count + 1}`, jpegLikeBytes(400, count));
        await uploadFile('resident', waiting.storage_path as string);
        expect((await refusal(as('resident').photoUploaded(waiting.id))).detail).toBe('photo_limit');
        expect(await photoIdsSeenBy('facilitator', place)).toHaveLength(5);
      });

      it('takes a file only within the hour its row was made', async () => {
        const late = await as('resident').addPhotoRow({ assetId: garden.id, mimeType: 'image/jpeg', width: 10, height: 10, byteSize: 100 });
        await ageByTwoHours(late.id);
        await expect(uploadFile('resident', late.storage_path as string)).rejects.toThrow(/row-level security/);
        expect((await refusal(as('resident').photoUploaded(late.id))).detail).toBe('photo_file');
        // And such a row no longer holds a place for its author.
        const other = await as('resident').addPhotoRow({
          assetId: garden.id,
          mimeType: 'image/jpeg',
          width: 10,
          height: 10,
          byteSize: 100,
        });
        expect(other.id).not.toBe(late.id);
      });

      it('keeps a photo readable when its place moves to another werkgebied', async () => {
        const place = await as('facilitator').addAsset({
          kind: 'place',
          category: 'moestuin',
          name: 'Verhuist',
          geometry: pointIn('review', 7),
        });
        const photo = await addPhoto('facilitator', place.id, 'Voor de verhuizing');
        const moved = await as('administrator').updateAsset(place.id, place.properties.version, { geometry: pointIn('other', 7) });
        expect(moved.properties.werkgebied_id).toBe(werkgebieden.other);
        expect(photo.storage_path!.startsWith(`${werkgebieden.review}/`)).toBe(true);
        expect(await canReadFile('anon', photo)).toBe(true);
        expect(await photoIdsSeenBy('anon', place)).toEqual([photo.id]);
      });

      it('goes only to the path add_photo gave, once, by who added the photo, and is never replaced or deleted', async () => {
        const photo = await as('resident').addPhotoRow({
          assetId: garden.id,
          mimeType: 'image/jpeg',
          width: 10,
          height: 10,
          byteSize: 100,
        });
        expect(photo.stored).toBe(false);
        expect(photo.storage_path).toBe(`${werkgebieden.review}/${garden.id}/${photo.id}.jpg`);
        // Not shown, and not confirmable, before its file is there.
        expect(await photoIdsSeenBy('resident', garden)).not.toContain(photo.id);
        expect((await refusal(as('resident').photoUploaded(photo.id))).detail).toBe('photo_file');
        // Someone else may not fill the path, nor write anywhere else in the bucket.
        await expect(uploadFile('otherResident', photo.storage_path as string)).rejects.toThrow(/row-level security/);
        await expect(uploadFile('resident', `${werkgebieden.other}/${garden.id}/${photo.id}.jpg`)).rejects.toThrow(/row-level security/);
        await expect(uploadFile('anon', photo.storage_path as string)).rejects.toThrow(/row-level security|permission denied/);
        await uploadFile('resident', photo.storage_path as string);
        expect((await as('resident').photoUploaded(photo.id)).stored).toBe(true);
        // Once there, not a second time, and nobody replaces or removes it.
        await expect(uploadFile('resident', photo.storage_path as string)).rejects.toThrow(/row-level security|duplicate/);
        for (const statement of [
          `update storage.objects set metadata = '{"x":1}' where name = $1`,
          `delete from storage.objects where name = $1`,
        ]) {
          const touched = await rolledBackAs(
            database.connection,
            claimsOf('resident'),
            async (tx) => (await tx.query(`${statement} returning name`, [photo.storage_path])).rows,
          );
          expect(touched).toEqual([]);
        }
      });
    });
});
