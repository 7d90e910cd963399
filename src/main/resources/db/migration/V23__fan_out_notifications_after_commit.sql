-- A change's notifications, as its transaction collected them for each person it reached: written in that
-- transaction (one row, however many people), and turned into their notifications by a worker right after, so a
-- release to 9,000 people does not write 9,000 notifications inside the organizer's request. A worker takes one
-- row at a time with FOR UPDATE SKIP LOCKED and deletes it as it writes the notifications: each row once.
create table notification_fan_out (
    id         bigint      generated always as identity primary key,
    event_id   bigint      not null references event (id) on delete cascade,
    -- Per person and kind: user_id, kind, session_ids, entries, first_entry_id, first_revision, latest_text, latest_order.
    parts      jsonb       not null,
    created_at timestamptz not null default now()
);
create index notification_fan_out_event_idx on notification_fan_out (event_id);
