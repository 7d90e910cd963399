-- 20,000 attendees with 10 bookmarks each on the large event (bench-large), spread over its 400 sessions,
-- and one heavy attendee with 50, to show that an agenda request runs as many statements either way.
insert into app_user (issuer, subject)
select 'https://bench.hallway.invalid/realms/hallway', 'attendee' || i from generate_series(0, 19999) i
union all select 'https://bench.hallway.invalid/realms/hallway', 'heavy0';

with e as (select id from event where slug = 'bench-large'),
     s as (select id, row_number() over (order by starts_at, id) - 1 as n from session where event_id = (select id from e)),
     u as (select id, substr(subject, 9)::int as i from app_user where subject like 'attendee%')
insert into bookmark (user_id, event_id, session_id)
select u.id, (select id from e), s.id
from u cross join generate_series(0, 9) k join s on s.n = (u.i * 7 + k * 41) % 400;

insert into bookmark (user_id, event_id, session_id)
select (select u.id from app_user u where u.subject = 'heavy0'), s.event_id, s.id
from session s where s.event_id = (select e.id from event e where e.slug = 'bench-large') order by s.starts_at, s.id limit 50;

analyze;
