-- A pool entry carries what its two people share, scored when a pool is built instead of on every request (see
-- suggestions/CandidatePool): the request reads the best entries and words their reasons. Every build scores
-- again each entry that names the person built, whichever pool holds it, so a change of someone's terms or
-- bookmarks reaches every pool they are in within that build.

-- The points of the keys a build fanned out through only chose who enters the pool; the order read is now the
-- points of all that is shared. The old column stays, with a default, while replicas of the version before this
-- one still run in a rolling update (they write and read it; this version does neither): a later migration drops
-- it. Their reads lose its index meanwhile, and stay correct.
drop index suggestion_candidate_read_idx;
alter table suggestion_candidate alter column score set default 0;

alter table suggestion_candidate
    -- All the points the two share: matched terms, sessions and lightning blocks both bookmarked.
    add column points      int      not null default 0,
    -- The candidate's matched terms, as JSON [{term, role, label}] in their own words: the reasons' terms.
    add column terms       text,
    add column session_ids bigint[] not null default '{}',
    add column block_ids   bigint[] not null default '{}';

create index suggestion_candidate_read_idx on suggestion_candidate (event_id, user_id, points desc, tiebreak)
    where points > 0;

-- Entries made before this migration have no points: every pool is due to be built, and scored, again.
update suggestion_setting set pool_due_at = now();
