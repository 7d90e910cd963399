-- Draft and released schedules. In release mode 'manual' organizer changes go to the tables (the draft) and
-- the public sees the last release; 'immediate' is the behaviour from before, and the default.
alter table event add column release_mode text not null default 'immediate'
    check (release_mode in ('immediate', 'manual'));
-- The schedule version of the latest release while the event is in manual mode: the public version, read with
-- the event's row on every version check, so finding it needs no second query. Null in immediate mode.
alter table event add column released_version bigint;
alter table event add constraint event_released_version_in_manual_mode
    check ((release_mode = 'manual') = (released_version is not null));

-- One released version of an event's schedule. The snapshot is stored as the exact JSON the public endpoints
-- serve, so any replica serves a release (and its ETag) without the tables being at that version. No user is
-- stored: the audit log says who released.
create table schedule_release (
    id               bigint      generated always as identity primary key,
    event_id         bigint      not null references event (id) on delete cascade,
    name             text        not null check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    comment          text        check (length(comment) <= 2000),
    schedule_version bigint      not null,
    snapshot         text        not null,
    -- Sessions (lightning talks included) against the release before it.
    added            integer     not null,
    moved            integer     not null,
    cancelled        integer     not null,
    removed          integer     not null,
    released_at      timestamptz not null default now(),
    unique (event_id, name),
    unique (event_id, schedule_version)
);
