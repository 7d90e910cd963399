-- A schedule change as the organizers' tools make it: the next revision moves ten sessions by five minutes.
update event set schedule_version = schedule_version + 1 where slug = 'bench-large';
update session set starts_at = starts_at + interval '5 minutes', ends_at = ends_at + interval '5 minutes',
                   revision = (select schedule_version from event where slug = 'bench-large')
where id in (select id from session where event_id = (select id from event where slug = 'bench-large')
             order by id limit 10);
