-- Secret keys every replica must share, one per purpose (for now 'schedule-cursor', which signs the change
-- feed cursors). The first replica that needs a key makes it from its SecureRandom and inserts it; the
-- others, and every restart, read that row. No operator configuration: whoever can read this table can
-- mint cursors, so it is as secret as the database itself.
create table server_key (
    purpose    text        primary key,
    key        bytea       not null check (octet_length(key) >= 32),
    created_at timestamptz not null default now()
);
