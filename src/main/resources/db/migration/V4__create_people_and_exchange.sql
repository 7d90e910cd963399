-- Attendee profiles and the QR contact exchange. Everything here is per event and keyed on app_user,
-- so erasing a person from an event is a handful of deletes and a person is the same across editions.

-- A profile field's audience: the opt-in directory, the people I exchanged with, or nobody but me.
create table profile (
    id            bigint generated always as identity primary key,
    event_id      bigint      not null references event (id) on delete cascade,
    user_id       bigint      not null references app_user (id) on delete cascade,
    display_name  text        check (char_length(display_name) between 1 and 80),
    pronouns      text        check (char_length(pronouns) <= 40),
    headline      text        check (char_length(headline) <= 120),
    company       text        check (char_length(company) <= 120),
    bio           text        check (char_length(bio) <= 1000),
    interests     jsonb       not null default '[]' check (jsonb_typeof(interests) = 'array' and jsonb_array_length(interests) <= 10),
    links         jsonb       not null default '[]' check (jsonb_typeof(links) = 'array' and jsonb_array_length(links) <= 6),
    photo_url     text        check (char_length(photo_url) <= 2048),
    email         text        check (char_length(email) <= 254),
    phone         text        check (char_length(phone) <= 32),
    -- field name -> 'everyone' | 'connections' | 'only-me'; a missing field falls back to its private default
    visibility    jsonb       not null default '{}' check (jsonb_typeof(visibility) = 'object'
                  and not jsonb_path_exists(visibility, '$.* ? (@ != "everyone" && @ != "connections" && @ != "only-me")')),
    in_directory  boolean     not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (event_id, user_id)
);
create index profile_directory_idx on profile (event_id, id) where in_directory;

-- Per-event switches an organizer sets; an event without a row uses the configured defaults.
create table exchange_settings (
    event_id               bigint  primary key references event (id) on delete cascade,
    exchange_enabled       boolean not null default true,
    retention_days         integer not null check (retention_days between 0 and 3650),
    token_lifetime_seconds integer check (token_lifetime_seconds between 30 and 3600),
    version                bigint  not null default 0
);

-- Codes shown as QR. Only the SHA-256 of the token is kept; "nonce" is the random input the token is
-- derived from with a server key (HMAC), so the QR of the current code can be drawn again.
create table exchange_token (
    id          bigint generated always as identity primary key,
    hash        bytea       not null unique check (octet_length(hash) = 32),
    nonce       bytea       not null check (octet_length(nonce) >= 16),
    event_id    bigint      not null references event (id) on delete cascade,
    owner_id    bigint      not null references app_user (id) on delete cascade,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    redeemed_at timestamptz,
    revoked_at  timestamptz,
    check (expires_at > issued_at)
);
create index exchange_token_owner_idx on exchange_token (event_id, owner_id, issued_at desc);

-- One row per pair of people in an event, whoever scanned whom: the pair is stored ordered
-- (user_low < user_high), so the unique constraint holds for the unordered pair.
create table connection (
    id          bigint generated always as identity primary key,
    event_id    bigint      not null references event (id) on delete cascade,
    user_low    bigint      not null references app_user (id) on delete cascade,
    user_high   bigint      not null references app_user (id) on delete cascade,
    created_at  timestamptz not null default now(),
    session_id  bigint      references session (id) on delete set null,
    check (user_low < user_high),
    unique (event_id, user_low, user_high)
);
create index connection_event_created_idx on connection (event_id, created_at);

-- Each side's own view of a connection. "shares": this side gives the other its 'connections' fields
-- (true for the side that showed its code; the scanner opts in). The note and star are private to the side.
-- A side that removed the connection has no row.
create table connection_member (
    connection_id bigint      not null references connection (id) on delete cascade,
    user_id       bigint      not null references app_user (id) on delete cascade,
    shares        boolean     not null,
    shared_at     timestamptz,
    note          text        check (char_length(note) <= 2000),
    starred       boolean     not null default false,
    primary key (connection_id, user_id),
    check (shares = (shared_at is not null))
);
create index connection_member_user_idx on connection_member (user_id);

-- Fixed one-minute windows per person, event and action, shared by every replica.
create table exchange_rate_limit (
    user_id      bigint      not null references app_user (id) on delete cascade,
    event_id     bigint      not null references event (id) on delete cascade,
    action       text        not null check (action in ('issue', 'redeem')),
    window_start timestamptz not null,
    hits         integer     not null check (hits > 0),
    primary key (user_id, event_id, action)
);

-- A redeem retried with the same Idempotency-Key returns the first outcome instead of "already used".
create table exchange_idempotency (
    user_id       bigint      not null references app_user (id) on delete cascade,
    idem_key      text        not null check (char_length(idem_key) between 1 and 200),
    event_id      bigint      not null references event (id) on delete cascade,
    token_hash    bytea       not null,
    connection_id bigint      references connection (id) on delete cascade,
    created_at    timestamptz not null default now(),
    primary key (user_id, idem_key)
);
