-- Why a meet-up no longer fits, in each of its two people's own words: the sessions they follow named, one only the
-- other follows not, so neither learns what the other bookmarked. Beside it, the causes each side was told of, as
-- '<change>:<item>' ('delay:session-12', 'schedule:block-3') for the items that side follows, so that a meet-up
-- broken again by another change is told again, never twice for the same cause. Both are that side's personal data.
alter table meeting
    add column requester_no_longer_fits text,
    add column invitee_no_longer_fits   text,
    add column requester_causes_told    text[] not null default '{}',
    add column invitee_causes_told      text[] not null default '{}';

-- The one text both people read so far becomes each one's: it named only what both follow.
update meeting set requester_no_longer_fits = no_longer_fits, invitee_no_longer_fits = no_longer_fits
where no_longer_fits is not null;

-- The shared column stays while replicas of the version before this one still run in a rolling update: they read
-- and write it, this version neither (a meet-up it marks reads as fitting there until they are gone, rather than
-- one side's words shown to the other). A later migration drops it. For the same reason the check leaves the
-- status alone: the version before closes a meet-up without clearing these columns.
alter table meeting add constraint meeting_no_longer_fits_per_side_check check (
    (requester_no_longer_fits is null) = (invitee_no_longer_fits is null));
