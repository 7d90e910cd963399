-- SAMPLE DATA, loaded in dev mode only (Flyway afterMigrate callback; see quarkus.flyway.locations).
-- The hallway track at the demo event (afterMigrate__1, __3): three made-up attendees who opted in to suggestions,
-- and the dev users ada and olivia opted in too, so that each of them gets suggestions with reasons; and one
-- accepted meet-up between ada and Priya at the coffee bar in the coffee break. The dev users are known by the
-- issuer of the dev OIDC server, which dev mode passes in as the placeholder dev_issuer (its port changes with
-- each start, and so does the embedded database). Inserts only when the demo event has no hallway data yet.
do $$
declare
    ev bigint;
    ebpf bigint; compliance bigint; debug bigint; lightning bigint;
    coffee_break_start timestamptz := '2024-11-10 10:35-07';
    priya bigint; marco bigint; lena bigint; ada bigint; olivia bigint;
begin
    select id into ev from event where slug = 'rejekts-na-2024';
    if ev is null or exists (select 1 from suggestion_setting where event_id = ev) then
        return;
    end if;
    select id into ebpf from session where event_id = ev and title like 'Integrating eBPF%';
    select id into compliance from session where event_id = ev and title like 'Malicious Compliance%';
    select id into debug from session where event_id = ev and title like 'Debug Like a Pro%';
    select id into lightning from lightning_block where event_id = ev and title = 'Lightning talks';

    -- The made-up attendees never log in: an issuer of their own keeps them apart from real accounts. Their rows
    -- outlive a purge of the event's people data, after which this runs again.
    insert into app_user (issuer, subject) values ('urn:hallway:demo', 'priya')
        on conflict (issuer, subject) do update set subject = excluded.subject returning id into priya;
    insert into app_user (issuer, subject) values ('urn:hallway:demo', 'marco')
        on conflict (issuer, subject) do update set subject = excluded.subject returning id into marco;
    insert into app_user (issuer, subject) values ('urn:hallway:demo', 'lena')
        on conflict (issuer, subject) do update set subject = excluded.subject returning id into lena;
    -- The dev users, as their first call would create them.
    insert into app_user (issuer, subject) values ('${dev_issuer}', 'ada')
        on conflict (issuer, subject) do update set subject = excluded.subject returning id into ada;
    insert into app_user (issuer, subject) values ('${dev_issuer}', 'olivia')
        on conflict (issuer, subject) do update set subject = excluded.subject returning id into olivia;

    insert into profile (event_id, user_id, display_name, headline, company, interests, visibility, in_directory) values
        (ev, priya, 'Priya Sample', 'Kernel tracing nerd', 'Sample Networks', '["eBPF", "Kubernetes operators", "Observability"]',
         '{"displayName": "everyone", "headline": "everyone", "company": "everyone", "interests": "everyone"}', true),
        (ev, marco, 'Marco Example', 'SRE between jobs', 'Community', '["Platform engineering", "Kubernetes operators"]',
         '{"displayName": "everyone", "headline": "everyone", "interests": "everyone"}', true),
        (ev, lena, 'Lena Demo', 'Supply chain security', 'Example Security Co.', '["Security", "Supply chain"]',
         '{"displayName": "everyone", "company": "everyone", "interests": "everyone"}', true),
        (ev, ada, 'Ada', 'Learning eBPF', null, '["eBPF", "Observability"]',
         '{"displayName": "everyone", "headline": "everyone", "interests": "everyone"}', true),
        (ev, olivia, 'Olivia', 'Runs Rejekts', 'Community', '["Platform engineering", "Security"]',
         '{"displayName": "everyone", "headline": "everyone", "company": "everyone", "interests": "everyone"}', true)
    on conflict (event_id, user_id) do nothing;

    insert into suggestion_setting (user_id, event_id, use_interests, use_intents, use_bookmarks, use_company, intents) values
        (priya, ev, true, true, true, true,
         '[{"intent": "can-help-with", "topics": ["Cilium", "eBPF"]}, {"intent": "hiring", "topics": ["Platform engineers"]}]'),
        (marco, ev, true, true, true, false,
         '[{"intent": "looking-for-work", "topics": ["SRE", "Platform engineers"]}, {"intent": "learning", "topics": ["Security"]}]'),
        (lena, ev, true, true, true, true,
         '[{"intent": "can-help-with", "topics": ["Security"]}, {"intent": "meet-speakers", "topics": []}]'),
        (ada, ev, true, true, true, false, '[{"intent": "learning", "topics": ["eBPF", "Cilium"]}]'),
        (olivia, ev, true, true, true, true, '[{"intent": "hiring", "topics": ["SRE"]}]');

    -- The index, by SuggestionTerms' rules: interests and company only where allowed and shown to everyone; each
    -- intent of a family once without a topic and once per topic, in its role; terms lower-cased and trimmed.
    insert into suggestion_term (event_id, user_id, term, role, label)
    select ev, p.user_id, 'interest:' || lower(trim(i.value)), 'shared', i.value
    from profile p join suggestion_setting s on s.event_id = p.event_id and s.user_id = p.user_id and s.use_interests
        cross join jsonb_array_elements_text(p.interests) i
    where p.event_id = ev and p.visibility ->> 'interests' = 'everyone'
    union
    select ev, p.user_id, 'company:' || lower(trim(p.company)), 'shared', p.company
    from profile p join suggestion_setting s on s.event_id = p.event_id and s.user_id = p.user_id and s.use_company
    where p.event_id = ev and p.company is not null and p.visibility ->> 'company' = 'everyone'
    union
    select ev, s.user_id, f.family || ':' || coalesce(lower(trim(t.topic)), ''), f.role, coalesce(trim(t.topic), '')
    from suggestion_setting s cross join jsonb_array_elements(s.intents) c
        join (values ('hiring', 'work', 'offers'), ('looking-for-work', 'work', 'seeks'),
                     ('can-help-with', 'help', 'offers'), ('learning', 'help', 'seeks')) f (intent, family, role)
            on f.intent = c.value ->> 'intent'
        cross join lateral (select null::text as topic union all
                            select jsonb_array_elements_text(c.value -> 'topics')) t
    where s.event_id = ev and s.use_intents
    on conflict do nothing;

    insert into bookmark (user_id, event_id, session_id) values
        (priya, ev, ebpf), (priya, ev, compliance),
        (marco, ev, debug), (marco, ev, ebpf),
        (lena, ev, compliance),
        (ada, ev, ebpf), (ada, ev, debug),
        (olivia, ev, compliance)
    on conflict do nothing;
    insert into bookmark (user_id, event_id, block_id) values (lena, ev, lightning), (olivia, ev, lightning)
    on conflict do nothing;

    -- Ada asked Priya; Priya accepted the coffee break at the coffee bar. The walks are the demo map's, in seconds:
    -- both come from the eBPF talk in the Theater, and neither has a session after it.
    insert into meeting (event_id, requester_id, invitee_id, minutes, message, status, slots, starts_at, ends_at,
                         place_id, place_name)
    select ev, ada, priya, 15, 'Could you show me how you trace with Cilium?', 'accepted',
            jsonb_build_array(jsonb_build_object('startsAt', to_char(coffee_break_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'endsAt', to_char((coffee_break_start + interval '15 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'placeId', 'coffee-bar', 'placeName', 'Coffee bar', 'placeCategory', 'coffee',
                'requesterWalkSeconds', 38, 'inviteeWalkSeconds', 38)),
            coffee_break_start, coffee_break_start + interval '15 minutes', 'coffee-bar', 'Coffee bar'
    where not exists (select 1 from meeting where event_id = ev and requester_id = ada and invitee_id = priya);
end $$;
