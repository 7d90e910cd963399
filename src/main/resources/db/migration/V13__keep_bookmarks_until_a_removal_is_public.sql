-- In manual release mode a session deleted in the draft stays in the public schedule until the next release:
-- its bookmarks must stay too, so that the attendees' agendas do not show the draft and the release can tell
-- them. So a session's deletion no longer takes its bookmarks along: the agenda deletes them when the removal is
-- announced (at once in immediate mode, at the release in manual mode). A lightning block's deletion still takes
-- the bookmarks of the whole block along.
alter table bookmark drop constraint bookmark_session_id_fkey;
