-- The worker reads a fan-out's parts whole, once: parsing a release's 9,000 people into jsonb cost the organizer's
-- request more than writing them (614 ms under load in bench/notify.sh).
alter table notification_fan_out alter column parts type text;
comment on column notification_fan_out.parts is
    'A JSON array, per person and kind: user_id, kind, session_ids, entries, first_entry_id, first_revision, latest_text, latest_order';
