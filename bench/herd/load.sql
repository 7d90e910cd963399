-- The herd of bench/herd.sh on the large event (bench-large): :attendees attendees (herd0, herd1, ...) with 10
-- bookmarks each, spread over its 400 sessions as bench/agenda/load.sql spreads them.
insert into app_user (issuer, subject)
select 'https://bench.hallway.invalid/realms/hallway', 'herd' || i from generate_series(0, :attendees - 1) i;

with e as (select id from event where slug = 'bench-large'),
     s as (select id, row_number() over (order by starts_at, id) - 1 as n from session where event_id = (select id from e)),
     u as (select id, substr(subject, 5)::int as i from app_user where subject like 'herd%')
insert into bookmark (user_id, event_id, session_id)
select u.id, (select id from e), s.id
from u cross join generate_series(0, 9) k join s on s.n = (u.i * 7 + k * 41) % 400;

analyze;
