-- Local stand-in for the part of Supabase Realtime the schema uses: the table
-- `realtime.messages` that broadcasts from the database are written to, RLS on it
-- (the schema's policies decide who may listen to a topic), `realtime.topic()`
-- and `realtime.send()`. Applied after auth-shim.sql wherever that is (PGlite in
-- the browser, the test clusters); never deployed, because a Supabase project has
-- the real ones. Idempotent: safe to run on every start.
--
-- The real Realtime server reads realtime.messages and sends each row to the
-- subscribers RLS allows. Here nothing reads the table but the tests; besides
-- writing it, send() raises a NOTIFY on `wijkkracht_realtime`, which PGlite's
-- multi-tab worker hands to every tab of the browser (the embedded backend's
-- `live.subscribe`). Both carry only what the trigger put in the payload.

create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

create table if not exists realtime.messages (
  id uuid primary key default gen_random_uuid(),
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant select, insert on realtime.messages to authenticated;
grant all on realtime.messages to service_role;

-- The Realtime server sets this to the channel's topic while it checks the policies.
create or replace function realtime.topic() returns text
language sql stable
as $$ select nullif(current_setting('realtime.topic', true), '') $$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
security definer
as $$
begin
  insert into realtime.messages (payload, event, topic, private, extension)
  values (payload, event, topic, private, 'broadcast');
  perform pg_notify('wijkkracht_realtime', jsonb_build_object('topic', topic, 'event', event, 'payload', payload)::text);
end
$$;

revoke all on function realtime.topic() from public;
grant execute on function realtime.topic() to anon, authenticated, service_role;
-- Only the schema's triggers send (as their owner), as on Supabase.
revoke all on function realtime.send(jsonb, text, text, boolean) from public;
grant execute on function realtime.send(jsonb, text, text, boolean) to service_role;
