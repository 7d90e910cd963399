-- The people of bench/notify.sh on the large event (bench-large), whose release moves the sessions :'moved'
-- (ids, comma-separated): :people attendees follow them, :followers each, and :bystanders more follow none of
-- them. Moved session k (from 0) is followed by people k * stride .. k * stride + :followers - 1 (modulo
-- :people), the stride being :people divided by the number of moved sessions: each of the :people follows some
-- (20 x 2,000 over 9,000: 4 or 5 each). Everyone also bookmarks 5 sessions that do not move, as attendees do.
insert into app_user (issuer, subject)
select 'https://bench.hallway.invalid/realms/hallway', 'person' || i from generate_series(0, :people + :bystanders - 1) i;

with e as (select id from event where slug = 'bench-large'),
     moved as (select m.id, m.k - 1 as k from unnest(string_to_array(:'moved', ',')::bigint[]) with ordinality m (id, k)),
     u as (select id, substr(subject, 7)::int as i from app_user where subject like 'person%')
insert into bookmark (user_id, event_id, session_id)
select u.id, (select id from e), moved.id
from moved cross join generate_series(0, :followers - 1) t
join u on u.i = (moved.k * (:people / (select count(*) from moved)) + t) % :people;

with e as (select id from event where slug = 'bench-large'),
     s as (select id, row_number() over (order by starts_at, id) - 1 as n from session
           where event_id = (select id from e) and id <> all (string_to_array(:'moved', ',')::bigint[])),
     u as (select id, substr(subject, 7)::int as i from app_user where subject like 'person%')
insert into bookmark (user_id, event_id, session_id)
select u.id, (select id from e), s.id
from u cross join generate_series(0, 4) k join s on s.n = (u.i * 7 + k * 41) % (select count(*) from s);

analyze;
