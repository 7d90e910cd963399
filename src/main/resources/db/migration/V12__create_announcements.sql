-- Announcements from the organizers and hosts during the event: shown in the live document while active and
-- sent to the change feed of the people they are for. They name nobody: the audit log records who posted.
create table announcement (
    id           bigint        generated always as identity primary key,
    event_id     bigint        not null references event (id) on delete cascade,
    title        varchar(120)  not null,
    body         varchar(2000) not null,
    severity     text          not null check (severity in ('info', 'warning', 'urgent')),
    audience     text          not null check (audience in ('everyone', 'room', 'level', 'session')),
    -- What the audience names: a room, a level (by the rooms' level name) or a session. An announcement for
    -- a room or session that is deleted goes with it.
    room_id      bigint        references room (id) on delete cascade,
    level_name   text,
    session_id   bigint        references session (id) on delete cascade,
    starts_at    timestamptz   not null,
    ends_at      timestamptz   not null,
    posted_at    timestamptz   not null default now(),
    -- When it reached the change feeds of its audience: at its start, once.
    delivered_at timestamptz,
    version      bigint        not null default 0,
    check (ends_at > starts_at),
    check ((audience = 'room') = (room_id is not null)),
    check ((audience = 'level') = (level_name is not null)),
    check ((audience = 'session') = (session_id is not null))
);
-- The live document asks for the announcements of an event that have not ended yet.
create index announcement_event_ends_idx on announcement (event_id, ends_at);
-- The delivery job asks for the ones that have started and not reached their audience yet.
create index announcement_undelivered_idx on announcement (starts_at) where delivered_at is null;
create index announcement_room_idx on announcement (room_id);
create index announcement_session_idx on announcement (session_id);

-- Announcements reach the personal change feed as a third kind of entry, which names no session.
alter table agenda_change drop constraint agenda_change_kind_check;
alter table agenda_change add constraint agenda_change_kind_check
    check (kind in ('schedule', 'delay', 'announcement'));
alter table agenda_change alter column session_id drop not null;
alter table agenda_change add check ((kind = 'announcement') = (session_id is null));
