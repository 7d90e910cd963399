package io.hallway.agenda;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Method;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;
import io.hallway.schedule.BlockView;
import io.hallway.schedule.EventView;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;
import io.hallway.schedule.WebUrl;

/**
 * RFC 5545 calendars written with biweekly from the schedule snapshot. Each session is a VEVENT whose UID is
 * its guid (stable across every change) and whose SEQUENCE is its row version (it grows with each change);
 * times carry the event's TZID, defined by a VTIMEZONE built from the JDK's zone rules (no download at runtime).
 * Every calendar we serve (the schedule, one session, a personal feed with its meet-ups) is written here, so its
 * lines are folded by octets ({@link ContentLines}), not by biweekly's characters.
 */
@ApplicationScoped
class CalendarDocuments {

    @Inject
    AgendaConfig config;

    @Inject
    WebUrl web;

    /** Where links in calendars point: the service's configured public URL, whatever the request's Host says. */
    URI base() {
        return web.base();
    }

    /**
     * Calendar apps may reuse a calendar for {@code hallway.agenda.calendar-max-age}, then revalidate it with its
     * ETag. Private: a personal feed's link is its credential and must not sit in a shared cache, and the public
     * calendars keep the header their subscribers have always had.
     */
    String cacheControl() {
        return "private, max-age=" + config.calendarMaxAge().toSeconds();
    }

    /**
     * A calendar of these sessions and whole blocks of the schedule. DTSTAMP is when the calendar was
     * written: once per schedule version for the public calendars, which are kept as renditions of the
     * snapshot, and per request for a personal feed.
     */
    byte[] write(ScheduleSnapshot schedule, String name, List<SessionView> sessions, List<BlockView> blocks) {
        return write(schedule, name, sessions, blocks, List.of());
    }

    /**
     * The same with a person's accepted meet-ups, for their personal feed. A meet-up's UID is its id in the event,
     * which never changes; a cancelled one lets its time go and leaves the feed, and calendar apps drop it.
     */
    byte[] write(ScheduleSnapshot schedule, String name, List<SessionView> sessions, List<BlockView> blocks,
            List<MeetingsInAgenda.Accepted> meetings) {
        EventView event = schedule.event();
        URI base = base();
        Map<Long, String> roomNames = schedule.rooms().stream().collect(Collectors.toMap(RoomView::id, RoomView::name));
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Hallway//Conference companion//EN");
        calendar.setMethod(Method.publish());
        calendar.setName(name);
        calendar.addExperimentalProperty("X-WR-CALNAME", name);
        calendar.addExperimentalProperty("X-WR-TIMEZONE", event.timeZone());
        calendar.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(
                TimeZone.getTimeZone(ZoneId.of(event.timeZone())), timezone(event)));
        Date stamp = new Date();
        for (SessionView session : sessions) {
            VEvent vevent = base(stamp, session.startsAt(), session.endsAt(), session.title(),
                    session.roomId() == null ? null : roomNames.get(session.roomId()));
            vevent.setUid(session.guid().toString());
            vevent.setSequence((int) session.version());
            vevent.setStatus(session.status() == SessionStatus.CANCELLED ? Status.cancelled() : Status.confirmed());
            vevent.setUrl(base.resolve("api/events/" + event.slug() + "/sessions/" + session.id()).toString());
            String speakers = session.speakers().stream().map(SessionView.SpeakerRef::name)
                    .collect(Collectors.joining(", "));
            String description = (speakers.isEmpty() ? "" : speakers + "\n\n")
                    + (session.abstractText() == null ? "" : session.abstractText());
            if (!description.isBlank()) {
                vevent.setDescription(description.strip());
            }
            calendar.addEvent(vevent);
        }
        Map<Long, String> titles = schedule.sessions().stream()
                .collect(Collectors.toMap(SessionView::id, SessionView::title));
        for (BlockView block : blocks) {
            VEvent vevent = base(stamp, block.startsAt(), block.endsAt(), block.title(), roomNames.get(block.roomId()));
            vevent.setUid("block-" + block.id() + "-" + event.slug() + "@hallway");
            vevent.setSequence((int) block.version());
            vevent.setStatus(Status.confirmed());
            vevent.setUrl(base.resolve("api/events/" + event.slug() + "/schedule").toString());
            vevent.setDescription(block.talkIds().stream().map(titles::get).collect(Collectors.joining("\n")));
            calendar.addEvent(vevent);
        }
        ZoneId zone = ZoneId.of(event.timeZone());
        for (MeetingsInAgenda.Accepted meeting : meetings) {
            VEvent vevent = base(stamp, meeting.startsAt().atZone(zone).toOffsetDateTime(),
                    meeting.endsAt().atZone(zone).toOffsetDateTime(),
                    meeting.withName() == null ? "Meet-up" : "Meet-up with " + meeting.withName(), meeting.placeName());
            vevent.setUid("meeting-" + meeting.id() + "-" + event.slug() + "@hallway");
            vevent.setStatus(Status.confirmed());
            vevent.setUrl(base.resolve("api/events/" + event.slug() + "/meetings/" + meeting.id()).toString());
            if (meeting.noLongerFits() != null) {
                vevent.setDescription("No longer fits: " + meeting.noLongerFits());
            }
            calendar.addEvent(vevent);
        }
        return ContentLines.fold(Biweekly.write(calendar).foldLines(false).go()).getBytes(StandardCharsets.UTF_8);
    }

    private static VEvent base(Date stamp, OffsetDateTime start, OffsetDateTime end, String title, String location) {
        VEvent vevent = new VEvent();
        vevent.setDateTimeStamp(stamp);
        vevent.setDateStart(Date.from(start.toInstant()));
        vevent.setDateEnd(Date.from(end.toInstant()));
        vevent.setSummary(title);
        if (location != null) {
            vevent.setLocation(location);
        }
        return vevent;
    }

    /**
     * The zone's observances from a year before the event to a year after it: one for the offset in force
     * at the start, then one per transition (RFC 5545 3.6.5 allows observances without RRULE).
     */
    static VTimezone timezone(EventView event) {
        ZoneId zone = ZoneId.of(event.timeZone());
        ZoneRules rules = zone.getRules();
        Instant from = event.startDate().minusYears(1).atStartOfDay(zone).toInstant();
        Instant to = event.endDate().plusYears(1).atStartOfDay(zone).toInstant();
        VTimezone timezone = new VTimezone(event.timeZone());
        ZoneOffset initial = rules.getOffset(from);
        StandardTime first = new StandardTime();
        observance(first, LocalDateTime.ofInstant(from, initial), initial, initial);
        timezone.addStandardTime(first);
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(to)) {
            Observance observance = observance(rules.isDaylightSavings(transition.getInstant())
                    ? new DaylightSavingsTime() : new StandardTime(), transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter());
            if (observance instanceof DaylightSavingsTime daylight) {
                timezone.addDaylightSavingsTime(daylight);
            } else {
                timezone.addStandardTime((StandardTime) observance);
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return timezone;
    }

    private static <T extends Observance> T observance(T observance, LocalDateTime start, ZoneOffset before, ZoneOffset after) {
        observance.setDateStart(new DateTimeComponents(start.getYear(), start.getMonthValue(), start.getDayOfMonth(),
                start.getHour(), start.getMinute(), start.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(before.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(after.getTotalSeconds() * 1000L));
        return observance;
    }
}
