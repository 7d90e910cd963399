-- People worth meeting, ranked from a pool per person instead of from everybody per request (see
-- suggestions/CandidatePool): the people a person's most specific keys lead to, found by a refresh when their
-- settings, profile or bookmarks change and by a worker, read at request time with live filters and reasons.

-- Each person's pool: up to hallway.suggestions.pool-size people, with the points of the specific keys they share
-- (the order the pool is read in; the score shown is computed at read time). A refresh also adds the person to
-- the pools of the people it found.
create table suggestion_candidate (
    event_id     bigint not null references event (id) on delete cascade,
    user_id      bigint not null references app_user (id) on delete cascade,
    candidate_id bigint not null references app_user (id) on delete cascade,
    score        int    not null,
    -- Breaks ties between equal scores differently for each person, the same both ways: hashint8(a # b).
    tiebreak     int    not null,
    primary key (event_id, user_id, candidate_id)
);
create index suggestion_candidate_read_idx on suggestion_candidate (event_id, user_id, score desc, tiebreak);
create index suggestion_candidate_candidate_idx on suggestion_candidate (event_id, candidate_id);

-- How many people hold each key a person can be matched on ('term:<term>|<role>', 'session:<id>', 'block:<id>'),
-- as of the last count: a refresh fans out from the rarest keys first. No person in it, only numbers.
create table suggestion_key_count (
    event_id   bigint      not null references event (id) on delete cascade,
    key        text        not null,
    holders    int         not null,
    counted_at timestamptz not null default now(),
    primary key (event_id, key)
);

-- When the person's pool is to be built again: now for the opt-ins that exist before this migration, a minute
-- after a bookmark changes, hallway.suggestions.rebuild-every after the last build.
alter table suggestion_setting add column pool_due_at timestamptz not null default now();
create index suggestion_setting_pool_due_idx on suggestion_setting (pool_due_at);
