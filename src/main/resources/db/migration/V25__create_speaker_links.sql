-- Speakers link their attendee account to their speaker record, through a one-time invitation from the event's
-- organizers; the hallway track then suggests them to the people who bookmarked their sessions.

-- One account per speaker record; a person may be linked to several records (in several events, or an import's
-- duplicates). The link goes with the speaker record.
create table speaker_link (
    speaker_id bigint      primary key references speaker (id) on delete cascade,
    event_id   bigint      not null references event (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    linked_at  timestamptz not null default now()
);
create index speaker_link_event_user_idx on speaker_link (event_id, user_id);
create index speaker_link_user_idx on speaker_link (user_id);

-- One-time invitations to link an account to a speaker record: like event_invitation, only the SHA-256 of the
-- token is stored and the link holding it is shown once, to the organizer who made it.
create table speaker_invitation (
    id          bigint      generated always as identity primary key,
    event_id    bigint      not null references event (id) on delete cascade,
    speaker_id  bigint      not null references speaker (id) on delete cascade,
    token_hash  bytea       not null unique,
    created_by  bigint      references app_user (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    redeemed_by bigint      references app_user (id),
    redeemed_at timestamptz,
    revoked_at  timestamptz
);
create index speaker_invitation_event_idx on speaker_invitation (event_id);
create index speaker_invitation_speaker_idx on speaker_invitation (speaker_id);
create index speaker_invitation_created_by_idx on speaker_invitation (created_by);
create index speaker_invitation_redeemed_by_idx on speaker_invitation (redeemed_by);
