-- The day as it happens: what a room's host reports about a session (or a whole lightning block) in their
-- room, one row per session or block, the latest report winning. Expected times are derived from these and
-- the published schedule; the planned times in the schedule never change by them, nor does its version.
-- No user id: the audit log says who reported what.
create table live_report (
    id             bigint      generated always as identity primary key,
    event_id       bigint      not null references event (id) on delete cascade,
    session_id     bigint      unique references session (id) on delete cascade,
    block_id       bigint      unique references lightning_block (id) on delete cascade,
    -- "Running N minutes late": the session (or block) runs this far behind its planned times.
    delay_minutes  integer     check (delay_minutes between 1 and 240),
    started_at     timestamptz,
    ended_at       timestamptz,
    reported_at    timestamptz not null default now(),
    check ((session_id is null) <> (block_id is null)),
    check (delay_minutes is not null or started_at is not null or ended_at is not null),
    check (started_at is null or ended_at is null or ended_at >= started_at)
);
create index live_report_event_idx on live_report (event_id);

-- The personal change feed gets a second kind of entry: a delay that moves the expected start of a bookmarked
-- session. Existing rows are schedule changes. A delay entry has no before/after state but its details.
-- Entries are read in id order: every writer holds the event's row lock, so ids follow commit order per event.
alter table agenda_change add column kind text not null default 'schedule' check (kind in ('schedule', 'delay'));
alter table agenda_change add column details jsonb;
alter table agenda_change alter column before drop not null;
alter table agenda_change add check ((kind = 'schedule') = (before is not null));
create index agenda_change_user_id_idx on agenda_change (event_id, user_id, id);
