-- Contact exchange without the network: an attendee's app keeps a secret from which it shows a new code every
-- 30 s (HMAC of the time step), and a scanner redeems what it read later, with the time it read it.

-- One secret per person and event. "holder" is the opaque id a code names instead of the user id. The secret
-- itself is not stored: it is the HMAC of "nonce" under the server's exchange key, so a copy of the database
-- alone cannot make codes. Rotating replaces the row (new id, holder and nonce); created_at is carried over.
create table offline_exchange_secret (
    id          bigint      generated always as identity primary key,
    event_id    bigint      not null references event (id) on delete cascade,
    user_id     bigint      not null references app_user (id) on delete cascade,
    holder      text        not null unique check (holder ~ '^[A-Za-z0-9_-]{22}$'),
    nonce       bytea       not null check (octet_length(nonce) = 32),
    created_at  timestamptz not null default now(),
    rotated_at  timestamptz,
    unique (event_id, user_id)
);

-- Each code value is redeemed once: a code is its secret and time step, and this row is inserted in the redeem
-- transaction, so of concurrent redeems of one code exactly one inserts it. Rows go with their secret (erasure,
-- rotation) and once their step can no longer be accepted (older than the grace period).
create table offline_code_use (
    secret_id   bigint      not null references offline_exchange_secret (id) on delete cascade,
    step        bigint      not null,
    used_at     timestamptz not null default now(),
    primary key (secret_id, step)
);

-- How a connection was made: a code shown online ('qr'), or an offline code redeemed later, with the time the
-- scanner says it read it.
alter table connection add column via text not null default 'qr' check (via in ('qr', 'offline'));
alter table connection add column scanned_at timestamptz;
alter table connection add constraint connection_scanned_at_offline check ((via = 'offline') = (scanned_at is not null));
