-- Notifications that reach phones: push subscriptions, what each person wants to hear about, and the outbox the
-- delivery workers of every replica share.

-- A browser's or PWA's Web Push subscription (RFC 8030) for one event. A browser has one endpoint: whoever
-- registered it last owns it.
create table push_subscription (
    id          bigint      generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    event_id    bigint      not null references event (id) on delete cascade,
    endpoint    text        not null,
    p256dh      text        not null,
    auth        text        not null,
    created_at  timestamptz not null default now(),
    unique (event_id, endpoint)
);
create index push_subscription_user_idx on push_subscription (event_id, user_id);

-- The kinds a person chose to hear about in an event; without a row, every kind.
create table notification_preference (
    user_id          bigint      not null references app_user (id) on delete cascade,
    event_id         bigint      not null references event (id) on delete cascade,
    session_changes  boolean     not null,
    delays           boolean     not null,
    announcements    boolean     not null,
    meetings         boolean     not null,
    updated_at       timestamptz not null default now(),
    primary key (event_id, user_id)
);

-- The outbox: written in the transaction of the change that causes it, so a change rolled back leaves none.
-- While open (sealed_at null) it collects the person's further changes; at most one is open per person and
-- event. Sealed, it gets one delivery per channel target.
create table notification (
    id             bigint      generated always as identity primary key,
    -- The id receivers see, stable across retries: they drop one they already have.
    public_id      uuid        not null default gen_random_uuid() unique,
    user_id        bigint      not null references app_user (id) on delete cascade,
    event_id       bigint      not null references event (id) on delete cascade,
    kinds          text[]      not null,
    -- The sessions it is about, once each; what it says when it counts them.
    session_ids    bigint[]    not null,
    entries        integer     not null check (entries > 0),
    -- What the latest change says on its own: the text of a notification with one change.
    latest_text    text        not null,
    -- The first change-feed entry it tells about, and the schedule version then: its cursor starts there.
    first_entry_id bigint      not null,
    first_revision bigint      not null,
    created_at     timestamptz not null default now(),
    collect_until  timestamptz not null,
    sealed_at      timestamptz
);
create unique index notification_open_idx on notification (event_id, user_id) where sealed_at is null;
create index notification_collecting_idx on notification (collect_until) where sealed_at is null;
-- A person's export and erasure, sealed or not.
create index notification_person_idx on notification (event_id, user_id);

-- One notification's way to one target: a push subscription, or the operator's webhook relay.
create table notification_delivery (
    id              bigint      generated always as identity primary key,
    notification_id bigint      not null references notification (id) on delete cascade,
    channel         text        not null check (channel in ('web-push', 'webhook')),
    subscription_id bigint      references push_subscription (id) on delete cascade,
    state           text        not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
    attempts        integer     not null default 0,
    due_at          timestamptz not null,
    -- A worker that claimed it holds it until then; past it, another worker may claim it again.
    claimed_by      text,
    lease_until     timestamptz,
    last_status     integer,
    last_error      text,
    finished_at     timestamptz,
    check ((channel = 'web-push') = (subscription_id is not null))
);
create index notification_delivery_due_idx on notification_delivery (due_at) where state = 'pending';
create index notification_delivery_notification_idx on notification_delivery (notification_id);
create index notification_delivery_subscription_idx on notification_delivery (subscription_id);
create index notification_delivery_finished_idx on notification_delivery (finished_at) where state <> 'pending';
