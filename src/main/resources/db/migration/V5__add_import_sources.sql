-- Where an imported row came from: the source system ('sessionize', 'pretalx') and the item's id there.
-- Rows made by hand carry neither, so an import never matches them and never changes or removes them.
-- An item is imported at most once per event and source, which is what makes a re-import an update.

alter table room
    add column source_system text check (source_system in ('sessionize', 'pretalx')),
    add column source_id     text,
    add constraint room_source_pair check ((source_system is null) = (source_id is null)),
    add constraint room_source_unique unique (event_id, source_system, source_id);

alter table track
    add column source_system text check (source_system in ('sessionize', 'pretalx')),
    add column source_id     text,
    add constraint track_source_pair check ((source_system is null) = (source_id is null)),
    add constraint track_source_unique unique (event_id, source_system, source_id);

alter table speaker
    add column source_system text check (source_system in ('sessionize', 'pretalx')),
    add column source_id     text,
    add constraint speaker_source_pair check ((source_system is null) = (source_id is null)),
    add constraint speaker_source_unique unique (event_id, source_system, source_id);

alter table lightning_block
    add column source_system text check (source_system in ('sessionize', 'pretalx')),
    add column source_id     text,
    add constraint lightning_block_source_pair check ((source_system is null) = (source_id is null)),
    add constraint lightning_block_source_unique unique (event_id, source_system, source_id);

alter table session
    add column source_system text check (source_system in ('sessionize', 'pretalx')),
    add column source_id     text,
    add constraint session_source_pair check ((source_system is null) = (source_id is null)),
    add constraint session_source_unique unique (event_id, source_system, source_id);
