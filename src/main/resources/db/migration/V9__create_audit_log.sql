-- The audit log: who changed what in an event, and when. Written in the transaction of the change it
-- records, so a change that rolls back leaves no entry. Entries belong to their event and go with it: an
-- event's deletion is therefore not in its own log, and is written to the application log instead.
create table audit_entry (
    id             bigint      generated always as identity primary key,
    event_id       bigint      not null references event (id) on delete cascade,
    -- Null when nobody called (a scheduled job) or once the person had their data in the event erased.
    actor_user_id  bigint      references app_user (id),
    -- The name from the actor's token at the time, so the log reads without the identity provider.
    actor_name     text        not null,
    at             timestamptz not null default now(),
    action         text        not null,
    resource       text        not null,
    resource_id    bigint,
    version_before bigint,
    version_after  bigint,
    -- What a version does not say, such as an import's counts.
    details        jsonb
);
create index audit_entry_event_at_idx on audit_entry (event_id, at desc, id desc);
create index audit_entry_actor_user_idx on audit_entry (actor_user_id);
