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

-- The photos a place holds for its limit of 5: those whose file is there and
-- that are not removed or rejected, and the caller's own from the last hour
-- whose file may still come; p_leaving_out: the photo being counted in.
create function internal.place_photo_count(p_asset uuid, p_leaving_out uuid)
returns bigint
language sql stable
set search_path = public
as $$
  select count(*) from public.photos p
  where p.asset_id = p_asset and p.id is distinct from p_leaving_out and p.status not in ('archived', 'rejected')
    and (p.uploaded_at is not null or (p.created_by = auth.uid() and p.created_at > now() - interval '1 hour'))
$$;
revoke all on function internal.place_photo_count(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function internal.place_photo_count(uuid, uuid) to service_role;

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
  -- Locked for update: photos of one place take turns (so two at once cannot both be the fifth),
  -- and a photo and an archive of its place take turns.
  select * into a from public.assets where id = new.asset_id for update;
  if not found then
    raise exception using errcode = 'WK404', message = format('asset %s not found', new.asset_id), detail = 'asset';
  end if;
  if a.status in ('archived', 'rejected') then
    raise exception using errcode = 'WKARG', message = 'this place is no longer on the map', detail = 'archived';
  end if;
  if a.category = 'cirkel' then
    raise exception using errcode = 'WKARG', message = 'a circle has no photos', detail = 'circle_photo';
  end if;
  -- Per person at most 20 photos a day, removed ones included: adding and removing cannot fill Storage.
  if (select count(*) from public.photos p where p.created_by = auth.uid() and p.created_at > now() - interval '1 day') >= 20 then
    raise exception using errcode = 'WKARG', message = 'at most 20 photos a day', detail = 'photo_quota';
  end if;
  -- At most 5 photos a place: those shown, and the caller's own whose file may still come (for an
  -- hour; someone else's unfinished uploads block nobody). photo_uploaded counts again.
  if internal.place_photo_count(a.id, null) >= 5 then
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
    -- A file may come within the hour its row holds a place for it (may_upload_photo_file).
    if p.created_at < now() - interval '1 hour' then
      raise exception using errcode = 'WKARG', message = 'the photo''s file came too late; add it again', detail = 'photo_file';
    end if;
    -- Counted again, with the place locked: meanwhile others may have filled it.
    perform 1 from public.assets a where a.id = p.asset_id for update;
    if internal.place_photo_count(p.asset_id, p.id) >= 5 then
      raise exception using errcode = 'WKARG', message = 'this place has 5 photos already', detail = 'photo_limit';
    end if;
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

-- May the caller upload this file: it is the path of a photo they added in the
-- last hour whose file has not come yet. The path (its werkgebied's folder, the
-- place, the photo) is made by the database and unique, so it alone says which
-- photo; the folder is where the place was when the photo came, and a place
-- that moves keeps its photos readable.
create function internal.may_upload_photo_file(p_name text)
returns boolean
language sql stable
security definer
set search_path = public
as $$
  select exists (
    select 1 from public.photos p join public.assets a on a.id = p.asset_id
    where p.storage_path = p_name and p.created_by = auth.uid() and p.uploaded_at is null
      and p.created_at > now() - interval '1 hour'
      and p.status not in ('archived', 'rejected') and a.status not in ('archived', 'rejected')
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
