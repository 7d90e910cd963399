-- Session planning: attendees' bookmarks, what changed for them, calendar feeds, feedback, live room status.

-- A bookmark names either one session or a whole lightning block, never both.
create table bookmark (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    event_id    bigint      not null references event (id) on delete cascade,
    session_id  bigint      references session (id) on delete cascade,
    block_id    bigint      references lightning_block (id) on delete cascade,
    created_at  timestamptz not null default now(),
    check ((session_id is null) <> (block_id is null)),
    -- Concurrent PUTs of the same bookmark meet here: one row, the others do nothing.
    unique (user_id, session_id),
    unique (user_id, block_id)
);
create index bookmark_event_user_idx on bookmark (event_id, user_id);
create index bookmark_session_idx on bookmark (session_id);
create index bookmark_block_idx on bookmark (block_id);

-- One row per person per change to a session they had bookmarked, written in the changing transaction.
-- No foreign key to session: the entry must outlive a deleted session.
create table agenda_change (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    event_id    bigint      not null references event (id) on delete cascade,
    session_id  bigint      not null,
    revision    bigint      not null,
    before      jsonb       not null,
    after       jsonb,
    recorded_at timestamptz not null default now()
);
create index agenda_change_user_idx on agenda_change (event_id, user_id, revision);

-- Where an event's change history starts: cursors from before it cannot be answered any more.
create table schedule_history (
    event_id       bigint      primary key references event (id) on delete cascade,
    purged_through bigint      not null check (purged_through >= 0),
    purged_at      timestamptz not null default now()
);

-- A personal calendar feed; only the SHA-256 of its token is kept. One live link per person and event.
create table calendar_link (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    event_id    bigint      not null references event (id) on delete cascade,
    token_hash  bytea       not null unique check (octet_length(token_hash) = 32),
    created_at  timestamptz not null default now(),
    unique (user_id, event_id)
);

create table session_feedback (
    session_id  bigint      not null references session (id) on delete cascade,
    user_id     bigint      not null references app_user (id) on delete cascade,
    event_id    bigint      not null references event (id) on delete cascade,
    rating      smallint    not null check (rating between 1 and 5),
    comment     text        check (comment is null or char_length(comment) <= 2000),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (session_id, user_id)
);
create index session_feedback_event_idx on session_feedback (event_id);

-- What the organizers say about a room right now (FOSDEM's room-status labels); null until they do.
alter table room add column live_status text check (live_status in ('open', 'full', 'closed'));
