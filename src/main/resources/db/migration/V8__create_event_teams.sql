-- Organizer teams: who may manage which event, and in which role. Membership lives here rather than in the
-- identity provider, so teams work with any OIDC provider. An event without members (every event from before
-- this migration) is managed only by the operator's realm role (hallway.team.admin-role) until an owner is
-- invited; the README says how.
create table event_member (
    event_id     bigint      not null references event (id) on delete cascade,
    user_id      bigint      not null references app_user (id),
    role         text        not null check (role in ('owner', 'editor', 'host')),
    -- For a host: the rooms they may run; null means every room of the event.
    room_ids     bigint[],
    -- The name from the member's token when they joined or last acted, shown to the rest of the team.
    display_name text        not null,
    joined_at    timestamptz not null default now(),
    primary key (event_id, user_id)
);
create index event_member_user_idx on event_member (user_id);

-- One-time invitations to a team. Only the SHA-256 of the token is stored; the link holding the token is
-- shown once, to the owner who made it.
create table event_invitation (
    id          bigint      generated always as identity primary key,
    event_id    bigint      not null references event (id) on delete cascade,
    role        text        not null check (role in ('owner', 'editor', 'host')),
    room_ids    bigint[],
    token_hash  bytea       not null unique,
    created_by  bigint      references app_user (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    redeemed_by bigint      references app_user (id),
    redeemed_at timestamptz,
    revoked_at  timestamptz
);
create index event_invitation_event_idx on event_invitation (event_id);
create index event_invitation_created_by_idx on event_invitation (created_by);
create index event_invitation_redeemed_by_idx on event_invitation (redeemed_by);
