-- A large published event for the benchmarks: 3 days, 8 rooms, 400 sessions, 300 speakers, slug bench-large.
-- Loaded straight into a migrated database (the app has started once and run Flyway).
insert into event (slug, name, time_zone, start_date, end_date, venue_name, description, published, duration_limits)
values ('bench-large', 'Benchmark Conference', 'America/Denver', '2025-06-02', '2025-06-04', 'Bench Hall',
        'Generated for benchmarks.', true, '{"keynote": 60, "lightning-talk": 5, "panel": 60, "talk": 30, "workshop": 240}');

insert into room (event_id, name, capacity, level_name, directions, position, revision)
select e.id, 'Room ' || r, 50 + r * 25, 'Level ' || (r % 2), 'Follow the signs to room ' || r, r, 1
from event e, generate_series(1, 8) r where e.slug = 'bench-large';

insert into track (event_id, name, color, revision)
select e.id, 'Track ' || t, '#1f6feb', 1 from event e, generate_series(1, 6) t where e.slug = 'bench-large';

insert into speaker (event_id, name, company, title, bio, links, revision)
select e.id, 'Speaker ' || s, 'Company ' || (s % 40), 'Engineer',
       repeat('A speaker biography sentence for the benchmark. ', 6),
       jsonb_build_array(jsonb_build_object('title', 'Website', 'url', 'https://example.org/speaker/' || s)), 1
from event e, generate_series(1, 300) s where e.slug = 'bench-large';

-- 3 days x 8 rooms x 17 slots = 408 candidate slots: the first 400 become 30-minute talks.
with slots as (
    select row_number() over (order by d, r, slot) as n, d, r, slot
    from generate_series(0, 2) d, generate_series(1, 8) r, generate_series(0, 16) slot
)
insert into session (guid, event_id, kind, title, abstract, language, level, tags, track_id, room_id,
                     starts_at, ends_at, revision)
select gen_random_uuid(), e.id, 'talk', 'Benchmark talk number ' || n,
       repeat('An abstract sentence that describes the talk in some detail. ', 8), 'en', 'intermediate',
       '["cloud", "kubernetes"]',
       (select id from track t where t.event_id = e.id order by id offset (n % 6) limit 1),
       (select id from room m where m.event_id = e.id and m.position = r),
       ('2025-06-02 09:00 America/Denver'::timestamptz + d * interval '1 day' + slot * interval '35 minutes'),
       ('2025-06-02 09:30 America/Denver'::timestamptz + d * interval '1 day' + slot * interval '35 minutes'), 1
from slots, event e where e.slug = 'bench-large' and n <= 400;

insert into session_speaker (session_id, speaker_id, position)
select s.id, sp.id, 0
from (select id, row_number() over (order by id) as n from session
      where event_id = (select id from event where slug = 'bench-large')) s
join (select id, row_number() over (order by id) as n from speaker
      where event_id = (select id from event where slug = 'bench-large')) sp on sp.n = ((s.n - 1) % 300) + 1;
