-- Who declined a meet-up, requester or invitee: the other person reads "not available" and nothing more, whichever
-- side declined. Null for the declines made before this column, and by replicas of the version before it during a
-- rolling update: those read as declined by the invitee, as they did.
alter table meeting add column declined_by bigint,
    add constraint meeting_declined_by_check check (declined_by is null or declined_by in (requester_id, invitee_id));
