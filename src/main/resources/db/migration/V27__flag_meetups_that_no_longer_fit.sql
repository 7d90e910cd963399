-- An accepted meet-up that a later change (a room move, a new time, a delay) leaves without time for one of its
-- people: why, in words that name nobody; null while it fits. The meet-up stays accepted: its people decide.
alter table meeting add column no_longer_fits text check (no_longer_fits is null or status = 'accepted');
