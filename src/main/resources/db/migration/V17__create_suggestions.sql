-- The hallway track's "people worth meeting": who opted in to suggestions in an event and what they allow to be
-- used, the terms they can be matched on, and the suggestions they dismissed.

-- A row means the person opted in (off by default). Intents: what they are here for, each with free-text topics.
create table suggestion_setting (
    user_id        bigint      not null references app_user (id) on delete cascade,
    event_id       bigint      not null references event (id) on delete cascade,
    use_interests  boolean     not null,
    use_intents    boolean     not null,
    use_bookmarks  boolean     not null,
    use_company    boolean     not null,
    intents        jsonb       not null default '[]',
    opted_in_at    timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (event_id, user_id)
);

-- The per-event index suggestions are ranked from: one row per thing a person may be matched on, only what they
-- allowed and, for profile fields, only what they show to everyone. Two rows match on the same term when their
-- roles do: 'shared' with 'shared' (an interest, a company), 'offers' with 'seeks' (hiring and looking for work,
-- helping and learning).
create table suggestion_term (
    event_id  bigint not null references event (id) on delete cascade,
    user_id   bigint not null references app_user (id) on delete cascade,
    term      text   not null,
    role      text   not null check (role in ('shared', 'offers', 'seeks')),
    -- As its owner wrote it, for the reason shown ("Kubernetes operators").
    label     text   not null,
    primary key (event_id, user_id, term, role)
);
create index suggestion_term_match_idx on suggestion_term (event_id, term, role);

-- A suggestion the person does not want to see again.
create table suggestion_dismissal (
    event_id          bigint      not null references event (id) on delete cascade,
    user_id           bigint      not null references app_user (id) on delete cascade,
    dismissed_user_id bigint      not null references app_user (id) on delete cascade,
    dismissed_at      timestamptz not null default now(),
    primary key (event_id, user_id, dismissed_user_id)
);
create index suggestion_dismissal_dismissed_idx on suggestion_dismissal (event_id, dismissed_user_id);
