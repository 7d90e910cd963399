-- Safety in the hallway track: people an attendee blocked, and code-of-conduct reports to the organizers.

-- One person blocked by another in one event. Only user ids: nothing of the blocked person's profile, so their
-- erasure leaves nothing of theirs here, and the row keeps protecting the blocker if they come back with a new
-- profile. Hiding works both ways; the reverse index serves "who blocked me".
create table person_block (
    event_id    bigint      not null references event (id) on delete cascade,
    blocker_id  bigint      not null references app_user (id) on delete cascade,
    blocked_id  bigint      not null references app_user (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (event_id, blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
);
create index person_block_blocked_idx on person_block (event_id, blocked_id, blocker_id);

-- A code-of-conduct report: the reporter's data (their export and erasure), which outlives the reported person's
-- erasure for the organizers' duty of care; so it keeps the reported person's name and profile id as they were.
create table conduct_report (
    id                   bigint      generated always as identity primary key,
    event_id             bigint      not null references event (id) on delete cascade,
    reporter_id          bigint      not null references app_user (id) on delete cascade,
    reported_user_id     bigint      references app_user (id) on delete cascade,
    reported_profile_id  bigint,
    reported_name        text        check (char_length(reported_name) <= 80),
    what_happened        text        not null check (char_length(what_happened) between 1 and 4000),
    happened_at          timestamptz not null,
    -- A session the organizers delete later does not take the report with it.
    session_id           bigint      references session (id) on delete set null,
    place                text        check (char_length(place) <= 200),
    status               text        not null default 'open' check (status in ('open', 'in-progress', 'closed')),
    internal_note        text        check (char_length(internal_note) <= 4000),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0
);
create index conduct_report_event_idx on conduct_report (event_id, created_at);
create index conduct_report_reporter_idx on conduct_report (event_id, reporter_id);
create index conduct_report_reported_idx on conduct_report (event_id, reported_user_id);
create index conduct_report_session_idx on conduct_report (session_id);
