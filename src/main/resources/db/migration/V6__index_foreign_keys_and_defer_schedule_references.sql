-- Deleting a referenced row finds the rows that refer to it by index instead of scanning their table:
-- a session's connections, a connection's idempotency keys, a track's sessions, a room's lightning blocks,
-- and an event's calendar links, rate-limit windows and idempotency keys. Foreign keys to app_user need none:
-- its rows are never deleted (erasure removes what refers to a person, not the person's id row).
create index connection_session_idx on connection (session_id) where session_id is not null;
create index exchange_idempotency_connection_idx on exchange_idempotency (connection_id) where connection_id is not null;
create index exchange_idempotency_event_idx on exchange_idempotency (event_id);
create index exchange_rate_limit_event_idx on exchange_rate_limit (event_id);
create index calendar_link_event_idx on calendar_link (event_id);
create index session_track_idx on session (track_id) where track_id is not null;
create index lightning_block_room_idx on lightning_block (room_id);

-- Deleting an event cascades to its speakers, rooms and tracks and, by another path, to the sessions and blocks
-- that use them. Checked at once, a reference could still see a session the cascade had not reached yet, and
-- the delete failed. Checked at commit, when the cascade is complete, the references still guard against a
-- session that names a deleted speaker, room or track.
alter table session_speaker alter constraint session_speaker_speaker_id_fkey deferrable initially deferred;
alter table session alter constraint session_room_id_fkey deferrable initially deferred;
alter table session alter constraint session_track_id_fkey deferrable initially deferred;
alter table lightning_block alter constraint lightning_block_room_id_fkey deferrable initially deferred;
