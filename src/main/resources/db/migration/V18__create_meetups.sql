-- Meet-ups of the hallway track: who may ask me, the requests and meetings themselves, and the requests' rate
-- limit, counted here so every replica shares it.

-- Who may ask me to meet in an event; without a row, my connections only.
create table meeting_setting (
    user_id     bigint      not null references app_user (id) on delete cascade,
    event_id    bigint      not null references event (id) on delete cascade,
    who_may_ask text        not null check (who_may_ask in ('anyone', 'connections', 'nobody')),
    updated_at  timestamptz not null default now(),
    primary key (event_id, user_id)
);

-- A request to meet and what became of it. While pending, slots holds the proposals (start, end, place, both
-- walks) and awaiting_id the person who answers next; accepted, starts_at .. ends_at and the place are fixed.
create table meeting (
    id             bigint      generated always as identity primary key,
    event_id       bigint      not null references event (id) on delete cascade,
    requester_id   bigint      not null references app_user (id) on delete cascade,
    invitee_id     bigint      not null references app_user (id) on delete cascade,
    -- Always one of the two: no reference of its own, the row goes with either person.
    awaiting_id    bigint,
    minutes        integer     not null check (minutes in (15, 30)),
    message        text        check (message is null or char_length(message) <= 500),
    status         text        not null check (status in ('pending', 'accepted', 'declined', 'cancelled')),
    slots          jsonb       not null,
    starts_at      timestamptz,
    ends_at        timestamptz,
    place_id       text,
    place_name     text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (requester_id <> invitee_id),
    check (awaiting_id is null or awaiting_id in (requester_id, invitee_id)),
    check ((status = 'accepted') = (starts_at is not null and ends_at is not null))
);
create index meeting_requester_idx on meeting (event_id, requester_id, status);
create index meeting_invitee_idx on meeting (event_id, invitee_id, status);

-- Fixed one-minute windows of meeting requests per person and event, as exchange_rate_limit counts scans.
create table meeting_rate_limit (
    user_id      bigint      not null references app_user (id) on delete cascade,
    event_id     bigint      not null references event (id) on delete cascade,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (event_id, user_id)
);

-- A meet-up requested, answered or cancelled is an entry of kind 'meeting' in the other person's change feed,
-- with no session, so it reaches their phone as notifications do.
alter table agenda_change drop constraint agenda_change_kind_check;
alter table agenda_change add constraint agenda_change_kind_check
    check (kind in ('schedule', 'delay', 'announcement', 'meeting'));
do $$
declare
    name text;
begin
    select conname into strict name from pg_constraint
    where conrelid = 'agenda_change'::regclass and contype = 'c'
        and pg_get_constraintdef(oid) like '%announcement%' and pg_get_constraintdef(oid) like '%session_id IS NULL%';
    execute format('alter table agenda_change drop constraint %I', name);
end $$;
alter table agenda_change add constraint agenda_change_session_check
    check ((kind in ('announcement', 'meeting')) = (session_id is null));
