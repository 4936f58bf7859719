-- Photos, after a review: the limit of 5 a place is counted again when the
-- file arrives (with the place locked) and someone else's unfinished uploads
-- no longer block a place; a file may come only within the hour its row was
-- made; at most 20 photos a person a day, removed ones included; a photo's
-- file stays readable when its place moves to another werkgebied.
-- Same as supabase/schemas/14_photos.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

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

create or replace function internal.photo_rules() returns trigger
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

-- Shared mode: its author says the file is in Storage; shown once Storage holds it.
create or replace function public.photo_uploaded(p_id uuid)
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

-- May the caller upload this file: it is the path of a photo they added in the
-- last hour whose file has not come yet. The path (its werkgebied's folder, the
-- place, the photo) is made by the database and unique, so it alone says which
-- photo; the folder is where the place was when the photo came, and a place
-- that moves keeps its photos readable.
create or replace function internal.may_upload_photo_file(p_name text)
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
create or replace function internal.may_read_photo_file(p_name text)
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
