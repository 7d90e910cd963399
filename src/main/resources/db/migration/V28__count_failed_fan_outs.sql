-- A fan-out row that fails to be written is tried again at the next rounds, and set aside after a few failures so
-- that the event's later changes still reach people; an operator reads why in last_error.
alter table notification_fan_out add column attempts integer not null default 0,
                                 add column last_error text;
