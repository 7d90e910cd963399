package io.hallway.meetups;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.agenda.BusyTimes;
import io.hallway.agenda.MeetingNews;
import io.hallway.common.NamedLocks;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.live.LiveClock;
import io.hallway.people.Audience;
import io.hallway.people.Blocks;
import io.hallway.people.Profile;
import io.hallway.people.Relations;
import io.hallway.schedule.Event;
import io.hallway.venue.Venues;

/**
 * Meet-ups from request to answer: who may ask whom, slots in both agendas' free time at a place both can reach
 * ({@link SlotPlanner}), answers, and the news each step sends the other person. Spans the meeting rows, both
 * people's agendas, the venue and the change feed, so it is the one service of the feature.
 */
@ApplicationScoped
class MeetingRequests {

    static final String NOT_AVAILABLE = "This person is not available for a meeting.";

    @Inject
    Blocks blocks;

    @Inject
    Meetings meetings;

    @Inject
    NamedLocks locks;

    @Inject
    BusyTimes busyTimes;

    @Inject
    Venues venues;

    @Inject
    Relations relations;

    @Inject
    MeetingNews news;

    @Inject
    LiveClock clock;

    @Inject
    MeetupsConfig config;

    /** The same refusal whatever the reason: no such person, their setting, or not being their connection. */
    private static Problem notAvailable() {
        return Problem.of(ProblemType.NOT_AVAILABLE, NOT_AVAILABLE);
    }

    long request(Event event, long me, MeetingRequest.Ask ask) {
        if (ask.minutes() != 15 && ask.minutes() != 30) {
            throw Problem.invalid("minutes", "must be 15 or 30");
        }
        meetings.hit(event.id, me, config.requestsPerMinute());
        if (Profile.of(event.id, me).isEmpty()) {
            throw Problem.of(ProblemType.PROFILE_NEEDED,
                    "Create your profile for this event first: the person you ask sees who asks, and may block or report them.");
        }
        Profile invitee = Profile.inEvent(event.id, ask.profileId()).orElseThrow(MeetingRequests::notAvailable);
        if (invitee.userId == me) {
            throw Problem.invalid("profileId", "is your own profile");
        }
        if (!mayAsk(event.id, invitee, me)) {
            throw notAvailable();
        }
        if (meetings.pendingRequested(event.id, me) >= config.pendingPerPerson()) {
            throw Problem.of(ProblemType.TOO_MANY_PENDING_MEETINGS, "You have " + config.pendingPerPerson()
                    + " meeting requests waiting for an answer in this event; wait for one, or cancel one.");
        }
        Duration length = Duration.ofMinutes(ask.minutes());
        Both both = both(event, me, invitee.userId);
        List<SlotPlanner.Slot> slots = SlotPlanner.propose(both.requester().busy(), both.invitee().busy(),
                both.requester().days(), both.places(), walks(event.id), length, clock.now(), config.slotsProposed());
        if (slots.isEmpty()) {
            throw Problem.of(ProblemType.NO_COMMON_FREE_TIME,
                    "There is no time left in this event when you are both free for " + ask.minutes() + " minutes.");
        }
        String message = ask.message() == null || ask.message().isBlank() ? null : ask.message().strip();
        long id = meetings.request(event.id, me, invitee.userId, ask.minutes(), message,
                slots.stream().map(Meetings.StoredSlot::of).toList());
        news.tell(event.id, invitee.userId, new MeetingNews.News(id, "requested",
                "Someone would like to meet you for " + ask.minutes() + " minutes."));
        return id;
    }

    /** A block either way reads as any other "not available": the blocked person cannot tell. */
    private boolean mayAsk(long eventId, Profile invitee, long me) {
        if (blocks.eitherBlocks(eventId, me, invitee.userId)) {
            return false;
        }
        WhoMayAsk who = meetings.whoMayAsk(eventId, invitee.userId);
        boolean connection = relations.audience(eventId, invitee.userId, me) == Audience.CONNECTION;
        return switch (who) {
            case NOBODY -> false;
            case CONNECTIONS -> connection;
            case ANYONE -> connection || invitee.inDirectory;
        };
    }

    void accept(Event event, long me, long id, int slotIndex) {
        Meetings.Row row = awaitingMe(event, me, id);
        refuseIfBlocked(row);
        // Two acceptances for one person at once would each find the time free and both take it: the people's
        // locks, always in the same order, let one commit before the other reads their agendas.
        locks.hold("meetups.person." + event.id + "." + Math.min(row.requesterId(), row.inviteeId()));
        locks.hold("meetups.person." + event.id + "." + Math.max(row.requesterId(), row.inviteeId()));
        List<Meetings.StoredSlot> slots = meetings.slots(row);
        if (slotIndex >= slots.size()) {
            throw Problem.invalid("slotIndex", "must be one of the slots' indexes, 0 to " + (slots.size() - 1));
        }
        Meetings.StoredSlot slot = slots.get(slotIndex);
        // A delay or a new bookmark since the proposal may have taken the time: check it again.
        if (slot.startsAt().isBefore(clock.now()) || fit(event, row, slot.startsAt(), slot.placeId()).isEmpty()) {
            throw Problem.of(ProblemType.SLOT_NOT_FREE, "This slot no longer fits both agendas; propose another.");
        }
        meetings.accept(row.id(), slot);
        news.tell(event.id, row.other(me), new MeetingNews.News(row.id(), "accepted", "Your meet-up is on: "
                + clock(event.zone(), slot.startsAt()) + (slot.placeName() == null ? "." : " at " + slot.placeName() + ".")));
    }

    void decline(Event event, long me, long id) {
        Meetings.Row row = awaitingMe(event, me, id);
        meetings.decline(row.id(), me);
        // Whoever declines, the other side hears "not available", and nothing more.
        news.tell(event.id, row.other(me), new MeetingNews.News(row.id(), "not-available", NOT_AVAILABLE));
    }

    void propose(Event event, long me, long id, Instant startsAt, String placeId) {
        Meetings.Row row = awaitingMe(event, me, id);
        refuseIfBlocked(row);
        if (placeId != null && venues.meetingPlaces(event.id).stream().noneMatch(p -> p.id().equals(placeId))) {
            throw Problem.invalid("placeId", "is not a meeting place of this venue");
        }
        if (startsAt.isBefore(clock.now())) {
            throw Problem.invalid("startsAt", "must be in the future");
        }
        SlotPlanner.Slot slot = fit(event, row, startsAt, placeId).orElseThrow(() -> Problem.of(ProblemType.SLOT_NOT_FREE,
                "At that time one of you is busy, or cannot walk to the place in time."));
        meetings.propose(row.id(), Meetings.StoredSlot.of(slot), row.other(me));
        news.tell(event.id, row.other(me), new MeetingNews.News(row.id(), "proposed",
                "A meet-up was proposed for " + clock(event.zone(), startsAt) + "."));
    }

    void cancel(Event event, long me, long id) {
        Meetings.Row row = meetings.lock(event.id, id).filter(r -> r.involves(me))
                .orElseThrow(() -> Problem.notFound("No meeting " + id + " of yours in this event."));
        if (!row.status().equals(Meetings.PENDING) && !row.status().equals(Meetings.ACCEPTED)) {
            throw Problem.of(ProblemType.MEETING_NOT_PENDING, "This meeting is no longer pending or accepted.");
        }
        meetings.close(row.id(), Meetings.CANCELLED);
        tellCancelled(event.id, row, me);
    }

    /**
     * Before an erasure takes away every meeting the person is in: the other person of each one pending or still to
     * come hears it was cancelled, as when it is cancelled, and nothing of why.
     */
    void erasing(long eventId, long userId) {
        Instant now = clock.now();
        meetings.of(eventId, userId).stream()
                .filter(row -> row.status().equals(Meetings.PENDING)
                        || row.status().equals(Meetings.ACCEPTED) && row.endsAt().isAfter(now))
                .forEach(row -> tellCancelled(eventId, row, userId));
    }

    private void tellCancelled(long eventId, Meetings.Row row, long by) {
        news.tell(eventId, row.other(by), new MeetingNews.News(row.id(), "cancelled", "A meet-up was cancelled."));
    }

    /**
     * A block made while a request was pending: neither side can set the meeting up any more (declining and
     * cancelling still work). The blocked person hears the same "not available" as for any other reason.
     */
    private void refuseIfBlocked(Meetings.Row row) {
        if (blocks.eitherBlocks(row.eventId(), row.requesterId(), row.inviteeId())) {
            throw notAvailable();
        }
    }

    private Meetings.Row awaitingMe(Event event, long me, long id) {
        Meetings.Row row = meetings.lock(event.id, id).filter(r -> r.involves(me))
                .orElseThrow(() -> Problem.notFound("No meeting " + id + " of yours in this event."));
        if (!row.status().equals(Meetings.PENDING) || row.awaitingId() == null || row.awaitingId() != me) {
            throw Problem.of(ProblemType.MEETING_NOT_PENDING, "This meeting is not waiting for your answer.");
        }
        return row;
    }

    /** The slot at that start for both people of the meeting, at the place given or the best one. */
    private Optional<SlotPlanner.Slot> fit(Event event, Meetings.Row row, Instant startsAt, String placeId) {
        Both both = both(event, row.requesterId(), row.inviteeId());
        Duration length = Duration.ofMinutes(row.minutes());
        boolean withinADay = both.requester().days().stream().anyMatch(day -> !startsAt.isBefore(day.opens())
                && !startsAt.plus(length).isAfter(day.closes()));
        if (!withinADay) {
            return Optional.empty();
        }
        List<Venues.MeetingPlace> places = placeId == null ? both.places()
                : both.places().stream().filter(p -> p.id().equals(placeId)).toList();
        return SlotPlanner.at(both.requester().busy(), both.invitee().busy(), places, walks(event.id), startsAt, length);
    }

    private record Both(BusyTimes.Plan requester, BusyTimes.Plan invitee, List<Venues.MeetingPlace> places) {
    }

    private Both both(Event event, long requesterId, long inviteeId) {
        return new Both(withMeetings(busyTimes.of(event.slug, requesterId), requesterId),
                withMeetings(busyTimes.of(event.slug, inviteeId), inviteeId), venues.meetingPlaces(event.id));
    }

    /**
     * The person's bookmarks and their accepted meet-ups: a meet-up takes their time as a session does. Its place
     * is no schedule room, so the walk from or to it is not counted.
     */
    private BusyTimes.Plan withMeetings(BusyTimes.Plan plan, long userId) {
        List<BusyTimes.Busy> busy = new ArrayList<>(plan.busy());
        meetings.accepted(plan.eventId(), userId).forEach(accepted -> busy.add(
                new BusyTimes.Busy("meeting-" + accepted.id(), accepted.startsAt(), accepted.endsAt(), null)));
        return new BusyTimes.Plan(plan.eventId(), plan.zone(), busy, plan.days());
    }

    /** Walking times through the venue façade, each asked once per request. */
    SlotPlanner.Walks walks(long eventId) {
        java.util.Map<String, Optional<Duration>> known = new java.util.HashMap<>();
        return new SlotPlanner.Walks() {
            @Override
            public Optional<Duration> toPlace(long fromRoomId, String placeId) {
                return known.computeIfAbsent(fromRoomId + ">" + placeId,
                        k -> venues.walkingTimeToPlace(eventId, fromRoomId, placeId));
            }

            @Override
            public Optional<Duration> fromPlace(String placeId, long toRoomId) {
                return known.computeIfAbsent(placeId + ">" + toRoomId,
                        k -> venues.walkingTimeFromPlace(eventId, placeId, toRoomId));
            }
        };
    }

    static String clock(ZoneId zone, Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.ENGLISH).format(at.atZone(zone));
    }
}
