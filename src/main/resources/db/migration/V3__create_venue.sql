-- Venue maps for navigation: one document per event, uploaded and validated as a whole by the venue
-- feature (levels, nodes, rooms, points of interest, edges). The version drives optimistic locking and
-- tells every replica when to rebuild its in-memory routing graph.
create table venue (
    event_id    bigint      primary key references event (id) on delete cascade,
    document    jsonb       not null check (jsonb_typeof(document) = 'object'
                                            and jsonb_typeof(document -> 'levels') = 'array'),
    version     bigint      not null default 1 check (version > 0),
    updated_at  timestamptz not null default now()
);
