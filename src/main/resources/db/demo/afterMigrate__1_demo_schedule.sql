-- SAMPLE DATA, loaded in dev mode only (Flyway afterMigrate callback; see quarkus.flyway.locations).
-- Cloud Native Rejekts North America 2024 at Kiln, Salt Lake City. The talk titles come from the public
-- write-up of the day; times, abstracts and the speakers below are made up for the demo.
-- Runs after every migration, so it only inserts when the demo event is missing.
do $$
declare
    ev bigint;
    theater bigint;
    flex bigint;
    t_security bigint;
    t_observability bigint;
    t_platform bigint;
    sp1 bigint; sp2 bigint; sp3 bigint; sp4 bigint; sp5 bigint; sp6 bigint;
    block bigint;
    s bigint;
begin
    if exists (select 1 from event where slug = 'rejekts-na-2024') then
        return;
    end if;

    insert into event (slug, name, time_zone, start_date, end_date, venue_name, venue_address, description,
                       published, duration_limits)
    values ('rejekts-na-2024', 'Cloud Native Rejekts North America 2024', 'America/Denver', '2024-11-10', '2024-11-10',
            'Kiln', 'Salt Lake City, Utah',
            'SAMPLE DATA for development. The community conference of talks rejected from KubeCon, the day before KubeCon.',
            true, '{"keynote": 60, "lightning-talk": 5, "panel": 60, "talk": 30, "workshop": 240}')
    returning id into ev;

    insert into room (event_id, name, capacity, level_name, directions, position, revision)
    values (ev, 'Theater', 120, 'Upstairs', 'Up the stairs from the entrance, through the red curtain.', 0, 1)
    returning id into theater;
    insert into room (event_id, name, capacity, level_name, directions, position, revision)
    values (ev, 'Flex Space', 40, 'Downstairs', 'Downstairs past the coffee bar, then left twice and right.', 1, 1)
    returning id into flex;

    insert into track (event_id, name, color, revision) values (ev, 'Security', '#d73a49', 1) returning id into t_security;
    insert into track (event_id, name, color, revision) values (ev, 'Observability', '#1f6feb', 1) returning id into t_observability;
    insert into track (event_id, name, color, revision) values (ev, 'Platform', '#2da44e', 1) returning id into t_platform;

    insert into speaker (event_id, name, company, title, bio, revision)
    values (ev, 'Riley Sample', 'Example Security Co.', 'Staff Engineer', 'Sample speaker for the demo event.', 1) returning id into sp1;
    insert into speaker (event_id, name, company, title, bio, revision)
    values (ev, 'Jordan Placeholder', 'Demo Containers Inc.', 'Developer Advocate', 'Sample speaker for the demo event.', 1) returning id into sp2;
    insert into speaker (event_id, name, company, title, bio, revision)
    values (ev, 'Sam Fictional', 'Observability Example Ltd.', 'Principal Engineer', 'Sample speaker for the demo event.', 1) returning id into sp3;
    insert into speaker (event_id, name, company, title, bio, revision)
    values (ev, 'Alex Demo', 'Stateful Sample GmbH', 'SRE', 'Sample speaker for the demo event.', 1) returning id into sp4;
    insert into speaker (event_id, name, company, title, bio, revision)
    values (ev, 'Casey Mock', 'Community', 'Maintainer', 'Sample speaker for the demo event.', 1) returning id into sp5;
    insert into speaker (event_id, name, company, title, bio, revision)
    values (ev, 'Morgan Stub', 'Community', 'Organizer', 'Sample speaker for the demo event.', 1) returning id into sp6;

    insert into session (guid, event_id, kind, title, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'break', 'Registration and coffee', '2024-11-10 08:30-07', '2024-11-10 09:00-07', 1);

    insert into session (guid, event_id, kind, title, abstract, language, room_id, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'keynote', 'Welcome to Rejekts', 'Why the hallway track is half the point.', 'en',
            theater, '2024-11-10 09:00-07', '2024-11-10 09:15-07', 1) returning id into s;
    insert into session_speaker values (s, sp6, 0);

    insert into session (guid, event_id, kind, title, abstract, language, level, track_id, room_id, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'talk',
            'Malicious Compliance Automated: When You Have 4000 Vulnerabilities and only 24 Hours Before Release',
            'Turning a scanner report into a release you can defend.', 'en', 'intermediate', t_security, theater,
            '2024-11-10 09:20-07', '2024-11-10 09:50-07', 1) returning id into s;
    insert into session_speaker values (s, sp1, 0);

    insert into session (guid, event_id, kind, title, abstract, language, level, track_id, room_id, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'talk', 'Debug Like a Pro: Ephemeral Containers and Wolfi Linux in Action',
            'Debugging distroless workloads without rebuilding them.', 'en', 'beginner', t_platform, flex,
            '2024-11-10 09:20-07', '2024-11-10 09:50-07', 1) returning id into s;
    insert into session_speaker values (s, sp2, 0);

    insert into session (guid, event_id, kind, title, abstract, language, level, track_id, room_id, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'talk', 'Integrating eBPF superpowers into your observability tooling',
            'What eBPF sees that your agents miss.', 'en', 'advanced', t_observability, theater,
            '2024-11-10 10:00-07', '2024-11-10 10:30-07', 1) returning id into s;
    insert into session_speaker values (s, sp3, 0);

    insert into session (guid, event_id, kind, title, abstract, language, level, track_id, room_id, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'talk', 'Stateful App Migration with Zero Downtime',
            'Moving databases between clusters while users keep clicking.', 'en', 'intermediate', t_platform, flex,
            '2024-11-10 10:00-07', '2024-11-10 10:30-07', 1) returning id into s;
    insert into session_speaker values (s, sp4, 0);

    insert into session (guid, event_id, kind, title, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'break', 'Coffee break', '2024-11-10 10:30-07', '2024-11-10 10:50-07', 1);

    insert into lightning_block (event_id, title, room_id, starts_at, ends_at, revision)
    values (ev, 'Lightning talks', theater, '2024-11-10 10:50-07', '2024-11-10 11:20-07', 1) returning id into block;
    insert into session (guid, event_id, kind, title, room_id, starts_at, ends_at, block_id, block_position, revision)
    values (gen_random_uuid(), ev, 'lightning-talk', 'My Helm chart has 900 values and I know none of them', theater,
            '2024-11-10 10:50-07', '2024-11-10 10:55-07', block, 0, 1) returning id into s;
    insert into session_speaker values (s, sp5, 0);
    insert into session (guid, event_id, kind, title, room_id, starts_at, ends_at, block_id, block_position, revision)
    values (gen_random_uuid(), ev, 'lightning-talk', 'Five minutes of Gateway API', theater,
            '2024-11-10 10:55-07', '2024-11-10 11:00-07', block, 1, 1) returning id into s;
    insert into session_speaker values (s, sp2, 0);
    insert into session (guid, event_id, kind, title, room_id, starts_at, ends_at, block_id, block_position, revision)
    values (gen_random_uuid(), ev, 'lightning-talk', 'Rejected, resubmitted, accepted: a CFP story', theater,
            '2024-11-10 11:00-07', '2024-11-10 11:05-07', block, 2, 1) returning id into s;
    insert into session_speaker values (s, sp6, 0);

    insert into session (guid, event_id, kind, title, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'break', 'Lunch', '2024-11-10 12:00-07', '2024-11-10 13:00-07', 1);

    insert into session (guid, event_id, kind, title, abstract, room_id, starts_at, ends_at, revision)
    values (gen_random_uuid(), ev, 'social', 'Hallway track social', 'Meet the people you came for.', flex,
            '2024-11-10 17:00-07', '2024-11-10 19:00-07', 1);
end
$$;
