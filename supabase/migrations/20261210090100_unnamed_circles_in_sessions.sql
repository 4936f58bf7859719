-- A workshop that shows first names never names who added a circle: its key
-- person stays unnamed to the other participants.
-- Same as supabase/schemas/10_workshops.sql; tests/sql/schemaParity checks both.

set search_path = public, extensions;

create or replace function public.session_overview(p_session uuid)
returns jsonb
language plpgsql stable
security definer
set search_path = public, extensions
set statement_timeout = '10s'
as $$
declare
  s public.workshop_sessions;
begin
  perform internal.require_session_member(p_session);
  select * into s from public.workshop_sessions where id = p_session;
  return (
    with contributed as (
      select a as asset, a.id, a.kind, a.category, a.dimensions, a.status, a.name, a.werkgebied_id, a.created_at, p.first_name
      from public.assets a
      -- Never who added a circle: its key person stays unnamed (11_circles.sql).
      left join public.session_participants p
        on s.show_first_names and a.category <> 'cirkel' and p.session_id = s.id and p.user_id = a.created_by
      where a.session_id = s.id and a.status in ('published', 'pending')
        and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
    ),
    told as (
      select st.*, a.name as asset_name
      from public.stories st join contributed a on a.id = st.asset_id
      where st.status in ('published', 'pending') and internal.asset_visible(st.status, st.created_by, a.werkgebied_id)
    ),
    appreciated as (
      select ap.asset_id, ap.reason, ap.created_at, a.name as asset_name
      from public.appreciations ap join public.assets a on a.id = ap.asset_id
      where ap.session_id = s.id and a.status in ('published', 'pending')
        and internal.asset_visible(a.status, a.created_by, a.werkgebied_id)
    )
    select jsonb_build_object(
      'session', internal.session_json(s),
      'contributions', internal.feature_collection((
        select jsonb_agg(internal.asset_feature(c.asset, jsonb_build_object(
          'first_name', c.first_name,
          'appreciations', (select count(*) from public.appreciations ap where ap.asset_id = c.id),
          'stories', (select count(*) from told t where t.asset_id = c.id)
        )) order by c.created_at, c.id)
        from contributed c
      )),
      'stories', coalesce((
        select jsonb_agg(jsonb_build_object('id', t.id, 'asset_id', t.asset_id, 'asset_name', t.asset_name, 'body', t.body,
                                            'author_name', case when s.show_first_names then t.author_name end,
                                            'created_at', t.created_at) order by t.created_at desc, t.id)
        from told t
      ), '[]'),
      'appreciations', coalesce((
        select jsonb_agg(jsonb_build_object('asset_id', g.asset_id, 'asset_name', g.asset_name, 'count', g.n,
                                            'reasons', g.reasons) order by g.n desc, g.asset_name)
        from (select asset_id, asset_name, count(*) as n,
                     coalesce(jsonb_agg(reason order by created_at) filter (where reason is not null), '[]') as reasons
              from appreciated group by asset_id, asset_name) g
      ), '[]'),
      'actions', coalesce((
        select jsonb_agg(internal.action_json(x) order by x.created_at, x.id)
        from public.session_actions x where x.session_id = s.id
      ), '[]'),
      'counts', jsonb_build_object(
        'contributions', (select count(*) from contributed),
        'by_kind', (select coalesce(jsonb_object_agg(kind, n), '{}') from (select kind, count(*) n from contributed group by kind) k),
        'by_category', (select coalesce(jsonb_object_agg(category, n), '{}') from (select category, count(*) n from contributed group by category) k),
        'by_dimension', (select coalesce(jsonb_object_agg(d, n), '{}')
                         from (select d, count(*) n from contributed, unnest(dimensions) d group by d) k),
        'stories', (select count(*) from told),
        'appreciations', (select count(*) from appreciated),
        'actions', (select count(*) from public.session_actions x where x.session_id = s.id),
        'participants', (select count(*) from public.session_participants p where p.session_id = s.id),
        'pending', (select count(*) from contributed where status = 'pending')
      )
    )
  );
end
$$;
