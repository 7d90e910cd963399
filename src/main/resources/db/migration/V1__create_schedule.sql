-- The schedule: events and everything that hangs under them.
-- Every schedule row carries "revision": the event's schedule_version at which it last changed, which
-- drives ETags and the delta feed. Rows deleted from a schedule leave a tombstone with that revision.

create table event (
    id               bigint generated always as identity primary key,
    slug             text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text        not null,
    time_zone        text        not null,
    start_date       date        not null,
    end_date         date        not null,
    venue_name       text,
    venue_address    text,
    description      text,
    published        boolean     not null default false,
    duration_limits  jsonb       not null,
    schedule_version bigint      not null default 1,
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (end_date >= start_date)
);

create table room (
    id          bigint generated always as identity primary key,
    event_id    bigint not null references event (id) on delete cascade,
    name        text   not null,
    capacity    integer check (capacity is null or capacity > 0),
    level_name  text,
    directions  text,
    position    integer not null default 0,
    version     bigint not null default 0,
    revision    bigint not null,
    unique (event_id, name)
);

create table track (
    id        bigint generated always as identity primary key,
    event_id  bigint not null references event (id) on delete cascade,
    name      text   not null,
    color     text,
    version   bigint not null default 0,
    revision  bigint not null,
    unique (event_id, name)
);

create table speaker (
    id         bigint generated always as identity primary key,
    event_id   bigint not null references event (id) on delete cascade,
    name       text   not null,
    company    text,
    title      text,
    bio        text,
    photo_url  text,
    links      jsonb  not null default '[]',
    version    bigint not null default 0,
    revision   bigint not null
);
create index speaker_event_idx on speaker (event_id);

create table lightning_block (
    id         bigint generated always as identity primary key,
    event_id   bigint      not null references event (id) on delete cascade,
    title      text        not null,
    room_id    bigint      not null references room (id),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    version    bigint      not null default 0,
    revision   bigint      not null,
    check (ends_at > starts_at)
);
create index lightning_block_event_idx on lightning_block (event_id);

create table session (
    id              bigint generated always as identity primary key,
    guid            uuid        not null unique,
    event_id        bigint      not null references event (id) on delete cascade,
    kind            text        not null check (kind in ('talk', 'lightning-talk', 'keynote', 'panel', 'workshop', 'break', 'social')),
    title           text        not null,
    abstract        text,
    language        text,
    level           text,
    tags            jsonb       not null default '[]',
    track_id        bigint      references track (id),
    room_id         bigint      references room (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    status          text        not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
    slides_url      text,
    video_url       text,
    block_id        bigint      references lightning_block (id) on delete cascade,
    block_position  integer,
    version         bigint      not null default 0,
    revision        bigint      not null,
    check (ends_at > starts_at),
    check ((block_id is null) = (block_position is null)),
    check (block_id is null or kind = 'lightning-talk'),
    unique (block_id, block_position) deferrable initially deferred
);
create index session_event_start_idx on session (event_id, starts_at);
create index session_room_idx on session (room_id);

create table session_speaker (
    session_id  bigint  not null references session (id) on delete cascade,
    speaker_id  bigint  not null references speaker (id),
    position    integer not null,
    primary key (session_id, speaker_id)
);
create index session_speaker_speaker_idx on session_speaker (speaker_id);

create table schedule_tombstone (
    event_id   bigint      not null references event (id) on delete cascade,
    kind       text        not null check (kind in ('session', 'speaker', 'room', 'track', 'block')),
    entity_id  bigint      not null,
    revision   bigint      not null,
    deleted_at timestamptz not null default now(),
    primary key (event_id, kind, entity_id)
);
create index schedule_tombstone_revision_idx on schedule_tombstone (event_id, revision);

-- People as the token names them (issuer + subject). Features key their per-person rows on this id.
create table app_user (
    id         bigint generated always as identity primary key,
    issuer     text        not null,
    subject    text        not null,
    created_at timestamptz not null default now(),
    unique (issuer, subject)
);
