-- Photos of places: the table (moderated like a story), add_photo,
-- photo_uploaded, photo_data, remove_photo; a photo in moderation, reports,
-- history and undo; in shared mode the Storage bucket `photos` and its policies.
-- Same as supabase/schemas/04_assets_and_stories.sql, 05_asset_api.sql,
-- 06_moderation_and_history.sql and 14_photos.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

-- A photo of a place, moderated like a story. The app shrinks it and strips its
-- location data (EXIF) in the browser before it gets here; these limits hold
-- whatever path a row comes by. Its file lives in the database (`data`, the
-- embedded default) or in Supabase Storage (`storage_path`, shared mode), and
-- is shown only once it is there (`uploaded_at`).
create table public.photos (
  id uuid primary key default gen_random_uuid(),
  asset_id uuid not null references public.assets (id) on delete cascade,
  -- What is on it, in a few words; also the text a screen reader reads.
  caption text check (length(caption) <= 200),
  mime_type text not null check (mime_type in ('image/jpeg', 'image/webp')),
  byte_size int not null check (byte_size between 1 and 1000000),
  width int not null check (width between 1 and 2048),
  height int not null check (height between 1 and 2048),
  data bytea check (octet_length(data) = byte_size),
  storage_path text unique check (length(storage_path) <= 200),
  uploaded_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  status public.asset_status not null default 'pending',
  moderation_note text check (length(moderation_note) <= 500),
  version int not null default 1 check (version >= 1),
  -- One place for the file: the row, or Storage.
  check ((data is null) <> (storage_path is null))
);
create index photos_asset_idx on public.photos (asset_id, created_at);

alter table public.photos enable row level security;

-- As visible as a story: its own status, and only on an asset the caller can see.
create policy "Photos as visible as they and their asset are" on public.photos
  for select to anon, authenticated
  using (
    exists (select 1 from public.assets a where a.id = asset_id)
    and internal.asset_visible(status, created_by, (select a.werkgebied_id from public.assets a where a.id = asset_id))
  );

-- Not who added it, and not the file itself (photo_data and Storage check each read).
revoke all on public.photos from anon, authenticated;
grant select (id, asset_id, caption, mime_type, byte_size, width, height, storage_path, uploaded_at, status,
              moderation_note, created_at, version) on public.photos to anon, authenticated;
grant all on public.photos to service_role;

alter table public.changes drop constraint changes_item_type_check,
  add constraint changes_item_type_check check (item_type in ('asset', 'story', 'photo'));
alter table public.reports drop constraint reports_item_type_check,
  add constraint reports_item_type_check check (item_type in ('asset', 'story', 'photo'));

-- A photo as the app shows it; its file comes from photo_data or Storage (14_photos.sql).
create function internal.photo_json(p public.photos)
returns jsonb
language sql stable
as $$
  select jsonb_build_object(
    'id', p.id, 'asset_id', p.asset_id, 'caption', p.caption, 'mime_type', p.mime_type,
    'byte_size', p.byte_size, 'width', p.width, 'height', p.height, 'storage_path', p.storage_path,
    'stored', p.uploaded_at is not null, 'status', p.status, 'moderation_note', p.moderation_note,
    'mine', coalesce(p.created_by = auth.uid(), false), 'created_at', p.created_at, 'version', p.version
  )
$$;
revoke all on function internal.photo_json(public.photos) from public, anon, authenticated, service_role;

-- A photo's file never changes: only what is said about it and its status.
create function internal.photo_snapshot(p public.photos)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('caption', p.caption, 'status', p.status, 'moderation_note', p.moderation_note)
$$;
revoke all on function internal.photo_snapshot(public.photos) from public, anon, authenticated, service_role;

create or replace function internal.lock_item(
  p_item_type text, p_id uuid,
  out werkgebied_id uuid, out created_by uuid, out status public.asset_status, out version int, out snapshot jsonb,
  p_lock boolean default true
)
language plpgsql volatile
set search_path = public
as $$
begin
  if p_item_type = 'asset' then
    select a.werkgebied_id, a.created_by, a.status, a.version, internal.asset_snapshot(a)
    into werkgebied_id, created_by, status, version, snapshot
    from public.assets a where a.id = p_id;
  elsif p_item_type = 'story' then
    select a.werkgebied_id, s.created_by, s.status, s.version, internal.story_snapshot(s)
    into werkgebied_id, created_by, status, version, snapshot
    from public.stories s join public.assets a on a.id = s.asset_id where s.id = p_id;
  elsif p_item_type = 'photo' then
    select a.werkgebied_id, p.created_by, p.status, p.version, internal.photo_snapshot(p)
    into werkgebied_id, created_by, status, version, snapshot
    from public.photos p join public.assets a on a.id = p.asset_id where p.id = p_id;
  else
    raise exception using errcode = 'WKARG', message = format('unknown item type %L', p_item_type), detail = 'item_type';
  end if;
  if status is null or not internal.asset_visible(status, created_by, werkgebied_id) then
    raise exception using errcode = 'WK404', message = format('%s %s not found', p_item_type, p_id), detail = p_item_type;
  end if;
  -- Locked only once the caller is known to see it, and only for a change (not to read a history).
  if p_lock then
    if p_item_type = 'asset' then
      perform 1 from public.assets a where a.id = p_id for update;
    elsif p_item_type = 'story' then
      perform 1 from public.stories s where s.id = p_id for update;
    else
      perform 1 from public.photos p where p.id = p_id for update;
    end if;
  end if;
end
$$;
revoke all on function internal.lock_item(text, uuid, boolean) from public, anon, authenticated, service_role;

create or replace function internal.apply_values(p_item_type text, p_id uuid, p_values jsonb)
returns void
language plpgsql volatile
set search_path = public, extensions
as $$
begin
  perform internal.allow_status_change(true);
  if p_item_type = 'asset' then
    update public.assets set
      kind = case when p_values ? 'kind' then (p_values ->> 'kind')::public.asset_kind else kind end,
      category = case when p_values ? 'category' then p_values ->> 'category' else category end,
      dimensions = case when p_values ? 'dimensions'
                        then array(select jsonb_array_elements_text(p_values -> 'dimensions'))::public.health_dimension[]
                        else dimensions end,
      name = case when p_values ? 'name' then p_values ->> 'name' else name end,
      description = case when p_values ? 'description' then p_values ->> 'description' else description end,
      geom = case when p_values ? 'geometry' then st_setsrid(st_geomfromgeojson(p_values -> 'geometry'), 4326) else geom end,
      status = case when p_values ? 'status' then (p_values ->> 'status')::public.asset_status else status end,
      moderation_note = case when p_values ? 'moderation_note' then p_values ->> 'moderation_note' else moderation_note end,
      source = case when p_values ? 'source' then p_values ->> 'source' else source end,
      source_id = case when p_values ? 'source_id' then p_values ->> 'source_id' else source_id end,
      attribution = case when p_values ? 'attribution' then p_values ->> 'attribution' else attribution end
    where id = p_id;
  elsif p_item_type = 'photo' then
    update public.photos set
      caption = case when p_values ? 'caption' then p_values ->> 'caption' else caption end,
      status = case when p_values ? 'status' then (p_values ->> 'status')::public.asset_status else status end,
      moderation_note = case when p_values ? 'moderation_note' then p_values ->> 'moderation_note' else moderation_note end
    where id = p_id;
  else
    update public.stories set
      body = case when p_values ? 'body' then p_values ->> 'body' else body end,
      author_name = case when p_values ? 'author_name' then p_values ->> 'author_name' else author_name end,
      status = case when p_values ? 'status' then (p_values ->> 'status')::public.asset_status else status end,
      moderation_note = case when p_values ? 'moderation_note' then p_values ->> 'moderation_note' else moderation_note end
    where id = p_id;
  end if;
  perform internal.allow_status_change(false);
end
$$;
revoke all on function internal.apply_values(text, uuid, jsonb) from public, anon, authenticated, service_role;

create or replace function internal.item_json(p_item_type text, p_id uuid)
returns jsonb
language sql stable
set search_path = public
as $$
  select case p_item_type
    when 'asset' then (select internal.asset_feature(a) from public.assets a where a.id = p_id)
    when 'photo' then (select internal.photo_json(p) from public.photos p where p.id = p_id)
    else (select internal.story_json(s) from public.stories s where s.id = p_id)
  end
$$;
revoke all on function internal.item_json(text, uuid) from public, anon, authenticated, service_role;

create or replace function public.moderation_queue(p_werkgebied uuid default null)
returns jsonb
language sql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
  with items as (
    select 'asset' as item_type, a.id, a.id as asset_id, a.werkgebied_id, a.status, a.version, a.created_at,
           a.name, null::text as body, null::text as author_name, a.kind::text as kind, a.category, a.geom,
           null::jsonb as photo
    from public.assets a
    union all
    select 'story', s.id, s.asset_id, a.werkgebied_id, s.status, s.version, s.created_at,
           a.name, s.body, s.author_name, a.kind::text, a.category, a.geom, null::jsonb
    from public.stories s join public.assets a on a.id = s.asset_id
    union all
    -- A photo waits only once its file is there (14_photos.sql); its caption is its text.
    select 'photo', p.id, p.asset_id, a.werkgebied_id, p.status, p.version, p.created_at,
           a.name, p.caption, null::text, a.kind::text, a.category, a.geom, internal.photo_json(p)
    from public.photos p join public.assets a on a.id = p.asset_id
    where p.uploaded_at is not null
  ),
  open_reports as (
    select r.item_type, r.item_id, jsonb_agg(jsonb_build_object('reason', r.reason, 'created_at', r.created_at)
                                             order by r.created_at) as reports
    from public.reports r where r.resolved_at is null
    group by r.item_type, r.item_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'item_type', i.item_type, 'id', i.id, 'asset_id', i.asset_id, 'werkgebied_id', i.werkgebied_id,
      'werkgebied_name', w.name, 'status', i.status, 'version', i.version, 'created_at', i.created_at,
      'name', i.name, 'body', i.body, 'author_name', i.author_name, 'kind', i.kind, 'category', i.category,
      'geometry', st_asgeojson(st_pointonsurface(i.geom), 7)::jsonb,
      'reports', coalesce(r.reports, '[]'), 'photo', i.photo,
      'decisions', to_jsonb(internal.moderation_decisions(i.status))
    ) order by i.created_at, i.id), '[]')
  from (
    select * from items i
    where (i.status in ('pending', 'hidden')
           or (i.status = 'published' and exists (select 1 from open_reports r where r.item_type = i.item_type and r.item_id = i.id)))
      and (p_werkgebied is null or i.werkgebied_id = p_werkgebied)
      and internal.has_role(i.werkgebied_id, '{facilitator}')
    order by i.created_at, i.id
    limit 500
  ) i
  left join public.werkgebieden w on w.id = i.werkgebied_id
  left join open_reports r on r.item_type = i.item_type and r.item_id = i.id
$$;
revoke all on function public.moderation_queue(uuid) from public, anon, authenticated, service_role;
grant execute on function public.moderation_queue(uuid) to authenticated, service_role;

-- Photos of places. The table is in 04_assets_and_stories.sql (next to
-- stories, which they follow: moderated the same way, with history, reports
-- and undo in 06_moderation_and_history.sql); this file is how a photo gets in
-- and out.
--
-- The browser shrinks a photo and re-encodes it, which drops its EXIF (the
-- place it was taken, the camera), before anything leaves the device
-- (src/photos/preparePhoto.ts). Where its file lives depends on the database:
--
-- - the embedded default: in the row (`photos.data`), read through photo_data;
-- - shared mode (Supabase): in the private Storage bucket `photos`, at
--   `<werkgebied>/<place>/<photo>.<ext>`. add_photo makes the row and says
--   where; only who made it may upload there, once (no update or delete
--   policy, so nothing is overwritten); photo_uploaded then checks the file is
--   there and shows the photo. Reading a file is allowed exactly when its photo
--   and place are visible to the caller, so the bucket's policy follows each
--   werkgebied's moderation and roles.
--
-- A circle gets no photos: a picture of a group or a house says more about
-- where it meets than its coarse public place (11_circles.sql) may. (A place
-- cannot become a circle later: 04_assets_and_stories.sql refuses that edit.)

------------------------------------------------------------------------------
-- Where the files live
------------------------------------------------------------------------------

-- True where Supabase Storage holds a `photos` bucket; the embedded database has no Storage.
create function internal.photo_bucket_exists()
returns boolean
language plpgsql stable
security definer
set search_path = pg_catalog
as $$
declare
  bucket_found boolean;
begin
  if to_regclass('storage.buckets') is null then
    return false;
  end if;
  execute 'select exists (select 1 from storage.buckets where id = ''photos'')' into bucket_found;
  return bucket_found;
end
$$;
revoke all on function internal.photo_bucket_exists() from public, anon, authenticated, service_role;
grant execute on function internal.photo_bucket_exists() to service_role;

-- Whether the bytes are the kind of image they claim to be (JPEG: FF D8 FF; WebP: RIFF....WEBP).
create function internal.photo_bytes_match(p_data bytea, p_mime_type text)
returns boolean
language sql immutable
as $$
  select case p_mime_type
    when 'image/jpeg' then substring(p_data from 1 for 3) = '\xffd8ff'::bytea
    when 'image/webp' then substring(p_data from 1 for 4) = '\x52494646'::bytea
                           and substring(p_data from 9 for 4) = '\x57454250'::bytea
    else false
  end
$$;
revoke all on function internal.photo_bytes_match(bytea, text) from public, anon, authenticated, service_role;
grant execute on function internal.photo_bytes_match(bytea, text) to service_role;

------------------------------------------------------------------------------
-- The rules every write to photos passes
------------------------------------------------------------------------------

create function internal.photo_rules() returns trigger
language plpgsql
set search_path = public
as $$
declare
  a public.assets;
  w public.werkgebieden;
begin
  if tg_op = 'UPDATE' then
    -- The file and who added it never change; only the caption, the status and the note do.
    new.id := old.id;
    new.asset_id := old.asset_id;
    new.created_by := old.created_by;
    new.created_at := old.created_at;
    new.mime_type := old.mime_type;
    new.byte_size := old.byte_size;
    new.width := old.width;
    new.height := old.height;
    new.data := old.data;
    new.storage_path := old.storage_path;
    new.uploaded_at := coalesce(old.uploaded_at, new.uploaded_at);
    if new.status is distinct from old.status and not internal.status_change_allowed() then
      raise exception using errcode = '42501', message = 'only moderation and archiving change the status';
    end if;
    new.version := case when (new.caption, new.status, new.moderation_note)
                             is distinct from (old.caption, old.status, old.moderation_note)
                        then old.version + 1 else old.version end;
    return new;
  end if;
  -- Locked like a story's place: a photo and an archive of its place take turns.
  select * into a from public.assets where id = new.asset_id for share;
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', new.asset_id), detail = 'asset';
  end if;
  if a.status in ('archived', 'rejected') then
    raise exception using errcode = 'WKARG', message = 'this place is no longer on the map', detail = 'archived';
  end if;
  if a.category = 'cirkel' then
    raise exception using errcode = 'WKARG', message = 'a circle has no photos', detail = 'circle_photo';
  end if;
  -- At most 5 photos a place; a row whose upload never came counts for an hour.
  if (select count(*) from public.photos p
      where p.asset_id = a.id and p.status not in ('archived', 'rejected')
        and (p.uploaded_at is not null or p.created_at > now() - interval '1 hour')) >= 5 then
    raise exception using errcode = 'WKARG', message = 'this place has 5 photos already', detail = 'photo_limit';
  end if;
  if internal.photo_bucket_exists() then
    if new.data is not null then
      raise exception using errcode = 'WKARG', message = 'here a photo''s file goes to Storage', detail = 'photo_file';
    end if;
    new.storage_path := coalesce(a.werkgebied_id::text, 'zonder-werkgebied') || '/' || a.id || '/' || new.id
                        || case new.mime_type when 'image/webp' then '.webp' else '.jpg' end;
    new.uploaded_at := null;
  else
    if new.data is null then
      raise exception using errcode = 'WKARG', message = 'the photo''s file is missing', detail = 'photo_file';
    end if;
    if not internal.photo_bytes_match(new.data, new.mime_type) then
      raise exception using errcode = 'WKARG', message = 'this file is not the image it says it is', detail = 'photo_type';
    end if;
    new.storage_path := null;
    new.byte_size := octet_length(new.data);
    new.uploaded_at := now();
  end if;
  select * into w from public.werkgebieden where id = a.werkgebied_id;
  new.created_by := auth.uid();
  new.created_at := now();
  new.version := 1;
  new.moderation_note := null;
  new.status := case when internal.has_role(a.werkgebied_id, '{facilitator}') or (w.id is not null and not w.review_first)
                     then 'published' else 'pending' end;
  return new;
end
$$;
revoke all on function internal.photo_rules() from public, anon, authenticated, service_role;

create trigger photos_rules before insert or update on public.photos
  for each row execute function internal.photo_rules();

-- History like a story's (06_moderation_and_history.sql); security definer: written whichever role made the change.
create function internal.photos_record_change() returns trigger
language plpgsql
security definer
set search_path = public
as $$
begin
  perform internal.record_change('photo', new.id, (select a.werkgebied_id from public.assets a where a.id = new.asset_id),
    case when tg_op = 'UPDATE' then internal.photo_snapshot(old) end, internal.photo_snapshot(new),
    case when tg_op = 'UPDATE' then old.status end, new.status);
  return null;
end
$$;
revoke all on function internal.photos_record_change() from public, anon, authenticated, service_role;

create trigger photos_record_change after insert or update on public.photos
  for each row execute function internal.photos_record_change();

------------------------------------------------------------------------------
-- Reading
------------------------------------------------------------------------------

-- A place's photos for get_asset: those whose file is there, as visible as a
-- story, not the removed ones; each says whether the caller may remove it.
create function internal.asset_photos_json(a public.assets)
returns jsonb
language sql stable
set search_path = public
as $$
  select coalesce(jsonb_agg(
    internal.photo_json(p) || jsonb_build_object(
      'may_remove', coalesce(p.created_by = auth.uid(), false) or internal.has_role(a.werkgebied_id, '{facilitator}'))
    order by p.created_at, p.id), '[]')
  from public.photos p
  where p.asset_id = a.id and p.uploaded_at is not null and p.status <> 'archived'
    and internal.asset_visible(p.status, p.created_by, a.werkgebied_id)
$$;
revoke all on function internal.asset_photos_json(public.assets) from public, anon, authenticated, service_role;

-- A photo the caller may see, with its place; null when there is none.
create function internal.visible_photo(p_id uuid)
returns public.photos
language sql stable
set search_path = public
as $$
  select p from public.photos p join public.assets a on a.id = p.asset_id
  where p.id = p_id
    and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
    and internal.asset_visible(p.status, p.created_by, a.werkgebied_id)
$$;
revoke all on function internal.visible_photo(uuid) from public, anon, authenticated, service_role;

-- The file of a photo kept in the database (the embedded default).
create function public.photo_data(p_id uuid)
returns bytea
language plpgsql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  p public.photos := internal.visible_photo(p_id);
begin
  if p.id is null or p.data is null then
    raise exception using errcode = 'WK404', message = format('photo %s not found', p_id), detail = 'photo';
  end if;
  return p.data;
end
$$;
revoke all on function public.photo_data(uuid) from public, anon, authenticated, service_role;
grant execute on function public.photo_data(uuid) to anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Writing
------------------------------------------------------------------------------

-- Adds a photo to a place. In the embedded default its file comes along
-- (p_data); in shared mode the answer's storage_path says where to upload it,
-- and photo_uploaded shows it once it is there.
create function public.add_photo(
  p_asset_id uuid,
  p_mime_type text,
  p_byte_size int,
  p_width int,
  p_height int,
  p_caption text default null,
  p_data bytea default null,
  p_idempotency_key uuid default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '10s'
as $$
declare
  p public.photos;
  prior uuid;
begin
  perform internal.require_signed_in();
  if not exists (select 1 from public.assets a
                 where a.id = p_asset_id and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)) then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_asset_id), detail = 'asset';
  end if;
  if p_mime_type is null or p_mime_type not in ('image/jpeg', 'image/webp') then
    raise exception using errcode = 'WKARG', message = 'a photo is a JPEG or WebP image', detail = 'photo_type';
  end if;
  if coalesce(octet_length(p_data), p_byte_size, 0) > 1000000 then
    raise exception using errcode = 'WKARG', message = 'a photo is at most 1 MB', detail = 'photo_too_large';
  end if;
  if coalesce(p_byte_size, 0) < 1 or coalesce(p_width, 0) not between 1 and 2048
     or coalesce(p_height, 0) not between 1 and 2048 then
    raise exception using errcode = 'WKARG', message = 'a photo is at most 2048 pixels wide and high', detail = 'photo_size';
  end if;
  prior := internal.claim_idempotency_key(p_idempotency_key, 'add_photo');
  if prior is not null then
    select * into p from public.photos where id = prior;
    return internal.photo_json(p);
  end if;
  insert into public.photos (asset_id, caption, mime_type, byte_size, width, height, data)
  values (p_asset_id, internal.optional_text(p_caption, 'caption', 200), p_mime_type,
          coalesce(octet_length(p_data), p_byte_size), p_width, p_height, p_data)
  returning * into p;
  perform internal.remember_idempotent_write(p_idempotency_key, p.id);
  return internal.photo_json(p);
end
$$;
revoke all on function public.add_photo(uuid, text, int, int, int, text, bytea, uuid) from public, anon, authenticated, service_role;
grant execute on function public.add_photo(uuid, text, int, int, int, text, bytea, uuid) to authenticated, service_role;

-- Shared mode: its author says the file is in Storage; shown once Storage holds it.
create function public.photo_uploaded(p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  p public.photos;
  file_found boolean := false;
begin
  perform internal.require_signed_in();
  select * into p from public.photos x where x.id = p_id and x.created_by = auth.uid() for update;
  if not found then
    raise exception using errcode = 'WK404', message = format('photo %s not found', p_id), detail = 'photo';
  end if;
  if p.uploaded_at is null then
    if to_regclass('storage.objects') is not null then
      execute 'select exists (select 1 from storage.objects where bucket_id = ''photos'' and name = $1)'
        into file_found using p.storage_path;
    end if;
    if not file_found then
      raise exception using errcode = 'WKARG', message = 'the photo''s file has not arrived', detail = 'photo_file';
    end if;
    update public.photos x set uploaded_at = now() where x.id = p_id returning * into p;
  end if;
  return internal.photo_json(p);
end
$$;
revoke all on function public.photo_uploaded(uuid) from public, anon, authenticated, service_role;
grant execute on function public.photo_uploaded(uuid) to authenticated, service_role;

-- Takes a photo off its place: its author or a facilitator. It stays in the
-- history, so the removal can be undone (undo_change).
create function public.remove_photo(p_id uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  item record;
begin
  perform internal.require_signed_in();
  select * into item from internal.lock_item('photo', p_id);
  if not (item.created_by = auth.uid() or internal.has_role(item.werkgebied_id, '{facilitator}')) then
    raise exception using errcode = '42501', message = 'only who added a photo or a facilitator removes it';
  end if;
  if item.status = 'archived' then
    raise exception using errcode = 'WKARG', message = 'this photo is removed already', detail = 'status';
  end if;
  perform internal.apply_values('photo', p_id, jsonb_build_object('status', 'archived'));
  return internal.item_json('photo', p_id);
end
$$;
revoke all on function public.remove_photo(uuid) from public, anon, authenticated, service_role;
grant execute on function public.remove_photo(uuid) to authenticated, service_role;

------------------------------------------------------------------------------
-- Supabase Storage: the bucket and its policies (shared mode only)
------------------------------------------------------------------------------

-- May the caller upload this file: it is the place of a photo they added whose
-- file has not come yet, in the folder of that place's werkgebied.
create function internal.may_upload_photo_file(p_name text)
returns boolean
language sql stable
security definer
set search_path = public
as $$
  select exists (
    select 1 from public.photos p join public.assets a on a.id = p.asset_id
    where p.storage_path = p_name and p.created_by = auth.uid() and p.uploaded_at is null
      and p.status not in ('archived', 'rejected') and a.status not in ('archived', 'rejected')
      and split_part(p_name, '/', 1) = coalesce(a.werkgebied_id::text, 'zonder-werkgebied')
  )
$$;
revoke all on function internal.may_upload_photo_file(text) from public, anon, authenticated, service_role;
grant execute on function internal.may_upload_photo_file(text) to authenticated, service_role;

-- May the caller read this file: exactly when its photo and its place are visible to them.
create function internal.may_read_photo_file(p_name text)
returns boolean
language sql stable
security definer
set search_path = public
as $$
  select exists (
    select 1 from public.photos p join public.assets a on a.id = p.asset_id
    where p.storage_path = p_name
      and split_part(p_name, '/', 1) = coalesce(a.werkgebied_id::text, 'zonder-werkgebied')
      and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
      and internal.asset_visible(p.status, p.created_by, a.werkgebied_id)
  )
$$;
revoke all on function internal.may_read_photo_file(text) from public, anon, authenticated, service_role;
grant execute on function internal.may_read_photo_file(text) to anon, authenticated, service_role;

-- Only where Supabase Storage is (a project, or the test clusters' stand-in,
-- supabase/local/storage-shim.sql); the embedded database keeps files in rows.
-- Private bucket: every read goes through the select policy. No update or
-- delete policy: a file, once there, is neither replaced nor removed by a user.
do $storage$
begin
  if to_regclass('storage.objects') is null then
    return;
  end if;
  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values ('photos', 'photos', false, 1000000, array['image/jpeg', 'image/webp'])
  on conflict (id) do nothing;
  create policy "Photos: uploaded once by who added the photo, into its werkgebied's folder" on storage.objects
    for insert to authenticated
    with check (bucket_id = 'photos' and internal.may_upload_photo_file(name));
  create policy "Photos: read when the photo and its place are visible" on storage.objects
    for select to anon, authenticated
    using (bucket_id = 'photos' and internal.may_read_photo_file(name));
end
$storage$;

create or replace function public.get_asset(p_id uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public
set statement_timeout = '5s'
as $$
declare
  a public.assets;
begin
  select * into a from public.assets x where x.id = p_id and internal.asset_visible(x.status, x.created_by, x.werkgebied_id);
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', p_id), detail = 'asset';
  end if;
  return jsonb_build_object(
    'feature', internal.asset_feature(a),
    -- How many say "ik waardeer dit" and whether the caller does (10_workshops.sql).
    'appreciation', internal.appreciation_json(a.id),
    -- For a circle: where the public sees it; its exact place only for its key person and facilitators.
    'circle', internal.circle_json(a),
    -- Its connections to other places, as visible as both ends (12_connections.sql).
    'links', internal.asset_links_json(a.id),
    -- Its photos whose file is there, as visible as stories (14_photos.sql).
    'photos', internal.asset_photos_json(a),
    'stories', coalesce((
      select jsonb_agg(internal.story_json(s) order by s.created_at, s.id)
      from public.stories s
      where s.asset_id = p_id and internal.asset_visible(s.status, s.created_by, a.werkgebied_id)
    ), '[]')
  );
end
$$;
revoke all on function public.get_asset(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_asset(uuid) to anon, authenticated, service_role;
