package io.hallway.meetups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.agenda.BookmarkStore;
import io.hallway.common.Problem;
import io.hallway.common.SqlArrays;

/**
 * The only code that writes {@code meeting}, {@code meeting_setting} and {@code meeting_rate_limit}: meet-up
 * requests and what became of them, who may ask whom, and the requests' rate limit.
 */
@ApplicationScoped
class Meetings {

    static final String PENDING = "pending";
    static final String ACCEPTED = "accepted";
    static final String DECLINED = "declined";
    static final String CANCELLED = "cancelled";

    /** A proposed slot as stored: instants, the place (null without one) and each person's walk. */
    record StoredSlot(Instant startsAt, Instant endsAt, String placeId, String placeName, String placeCategory,
            Long requesterWalkSeconds, Long inviteeWalkSeconds) {

        static StoredSlot of(SlotPlanner.Slot slot) {
            return slot.place() == null ? new StoredSlot(slot.startsAt(), slot.endsAt(), null, null, null, null, null)
                    : new StoredSlot(slot.startsAt(), slot.endsAt(), slot.place().id(), slot.place().name(),
                            slot.place().category(), slot.requesterWalk().toSeconds(), slot.inviteeWalk().toSeconds());
        }
    }

    /** A meeting row; {@code slots} is the JSON text of the proposals. */
    record Row(long id, long eventId, long requesterId, long inviteeId, Long awaitingId, int minutes, String message,
            String status, String slots, Instant startsAt, Instant endsAt, String placeId, String placeName,
            Instant createdAt, Instant updatedAt, String requesterNoLongerFits, String inviteeNoLongerFits,
            String requesterCausesTold, String inviteeCausesTold, Long declinedBy) {

        /** Declined by the other person: this one reads only "not available". */
        boolean declinedByTheOther(long userId) {
            return status.equals(DECLINED) && (declinedBy == null ? inviteeId : declinedBy) != userId;
        }

        boolean involves(long userId) {
            return requesterId == userId || inviteeId == userId;
        }

        long other(long userId) {
            return requesterId == userId ? inviteeId : requesterId;
        }

        /** Why it no longer fits, in the words this person of the two reads; null while it fits. */
        String noLongerFits(long userId) {
            return requesterId == userId ? requesterNoLongerFits : inviteeNoLongerFits;
        }

        /** The causes this person was told it no longer fits for ({@code delay:session-12}), told first first. */
        List<String> causesTold(long userId) {
            String told = requesterId == userId ? requesterCausesTold : inviteeCausesTold;
            return told.isEmpty() ? List.of() : List.of(told.split(","));
        }
    }

    private static final String COLUMNS = """
            id, event_id, requester_id, invitee_id, awaiting_id, minutes, message, status, cast(slots as text),
            starts_at, ends_at, place_id, place_name, created_at, updated_at, requester_no_longer_fits,
            invitee_no_longer_fits, array_to_string(requester_causes_told, ','), array_to_string(invitee_causes_told, ','),
            declined_by""";

    private static final TypeReference<List<StoredSlot>> SLOTS = new TypeReference<>() {
    };

    /** What {@link #hit} counts: this window's hits and the seconds until it ends (numeric, as extract() answers). */
    record Hit(int hits, Number retryAfterSeconds) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    WhoMayAsk whoMayAsk(long eventId, long userId) {
        List<?> rows = entityManager.createNativeQuery(
                "select who_may_ask from meeting_setting where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return rows.isEmpty() ? WhoMayAsk.CONNECTIONS : io.hallway.common.WireEnum.parse(WhoMayAsk.class, (String) rows.get(0));
    }

    void saveWhoMayAsk(long eventId, long userId, WhoMayAsk who) {
        // Two devices saving at once meet on the primary key: the later one wins, neither fails.
        entityManager.createNativeQuery("""
                insert into meeting_setting (event_id, user_id, who_may_ask) values (?1, ?2, ?3)
                on conflict (event_id, user_id) do update set who_may_ask = excluded.who_may_ask, updated_at = now()""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, who.wireName()).executeUpdate();
    }

    /**
     * Counts one request in the person's current one-minute window, shared by every replica; past the limit a 429
     * with Retry-After. Call in a transaction a Problem does not roll back, or the hit would not count.
     */
    void hit(long eventId, long userId, int perMinute) {
        Hit hit = (Hit) entityManager.createNativeQuery("""
                insert into meeting_rate_limit as r (user_id, event_id, window_start, hits)
                values (?1, ?2, date_trunc('minute', clock_timestamp()), 1)
                on conflict (event_id, user_id) do update
                    set hits = case when r.window_start = excluded.window_start then r.hits + 1 else 1 end,
                        window_start = excluded.window_start
                returning hits, ceil(extract(epoch from r.window_start + interval '1 minute' - clock_timestamp()))""",
                Hit.class).setParameter(1, userId).setParameter(2, eventId).getSingleResult();
        if (hit.hits() > perMinute) {
            throw Problem.tooManyRequests("You can send " + perMinute + " meeting requests a minute in this event; "
                    + "try again shortly.", Math.max(1, hit.retryAfterSeconds().longValue()));
        }
    }

    /** Requests the person sent that wait for an answer. */
    long pendingRequested(long eventId, long userId) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from meeting where event_id = ?1 and requester_id = ?2 and status = 'pending'")
                .setParameter(1, eventId).setParameter(2, userId).getSingleResult()).longValue();
    }

    long request(long eventId, long requesterId, long inviteeId, int minutes, String message, List<StoredSlot> slots) {
        return ((Number) entityManager.createNativeQuery("""
                insert into meeting (event_id, requester_id, invitee_id, awaiting_id, minutes, message, status, slots)
                values (?1, ?2, ?3, ?3, ?4, ?5, 'pending', cast(?6 as jsonb)) returning id""")
                .setParameter(1, eventId).setParameter(2, requesterId).setParameter(3, inviteeId)
                .setParameter(4, minutes).setParameter(5, message).setParameter(6, write(slots))
                .getSingleResult()).longValue();
    }

    /** The meeting, locked until the transaction ends, so two answers at once take turns. */
    Optional<Row> lock(long eventId, long id) {
        return entityManager.createNativeQuery("select " + COLUMNS + " from meeting where event_id = ?1 and id = ?2 for update",
                Row.class).setParameter(1, eventId).setParameter(2, id).getResultStream().map(Row.class::cast).findFirst();
    }

    Optional<Row> find(long eventId, long id) {
        return entityManager.createNativeQuery("select " + COLUMNS + " from meeting where event_id = ?1 and id = ?2",
                Row.class).setParameter(1, eventId).setParameter(2, id).getResultStream().map(Row.class::cast).findFirst();
    }

    /** The meetings the person requested or was asked to, newest first. */
    @SuppressWarnings("unchecked")
    List<Row> of(long eventId, long userId) {
        return entityManager.createNativeQuery("select " + COLUMNS + " " + """
                 from meeting where event_id = ?1 and (requester_id = ?2 or invitee_id = ?2) order by created_at desc, id desc""",
                Row.class).setParameter(1, eventId).setParameter(2, userId).getResultList();
    }

    /** The person's accepted meetings, in time order. */
    @SuppressWarnings("unchecked")
    List<Row> accepted(long eventId, long userId) {
        return entityManager.createNativeQuery("select " + COLUMNS + " " + """
                 from meeting where event_id = ?1 and (requester_id = ?2 or invitee_id = ?2) and status = 'accepted'
                order by starts_at, id""", Row.class).setParameter(1, eventId).setParameter(2, userId).getResultList();
    }

    /**
     * The event's accepted meetings that have not ended by {@code now}, found to no longer fit or not, where one of
     * the two people follows one of these sessions or lightning blocks: only a change of those can break them.
     */
    @SuppressWarnings("unchecked")
    List<Row> toCome(long eventId, Instant now, Collection<Long> sessionIds, Collection<Long> blockIds) {
        return entityManager.createNativeQuery("select " + COLUMNS + " " + """
                 from meeting m where event_id = ?1 and status = 'accepted' and ends_at > ?2
                and exists (select 1 from""" + BookmarkStore.following("?1", "cast(?3 as bigint[])", "cast(?4 as bigint[])") + """
                f where f.user_id in (m.requester_id, m.invitee_id))
                order by starts_at, id""", Row.class).setParameter(1, eventId).setParameter(2, now)
                .setParameter(3, SqlArrays.of(sessionIds)).setParameter(4, SqlArrays.of(blockIds)).getResultList();
    }

    /** Each side's why, and the causes ({@code delay:session-12}) each side is told of: those of the items it follows. */
    record NoLongerFits(String requesterWhy, String inviteeWhy, List<String> requesterCauses, List<String> inviteeCauses) {
    }

    /**
     * Marks an accepted meeting as no longer fitting, with each side's why, adding the causes each side is told of
     * to those it was told before; false when it is no longer accepted, or when neither side hears of a cause not
     * told before (also by a check committed in between), so that its people hear of each cause once.
     */
    boolean markNoLongerFits(long id, NoLongerFits why) {
        // Causes are "<change>:<item>", never with a comma: one array parameter of any length, one statement text.
        return entityManager.createNativeQuery("""
                update meeting set requester_no_longer_fits = ?2, invitee_no_longer_fits = ?3,
                    requester_causes_told = requester_causes_told || array(
                        select c from unnest(string_to_array(?4, ',')) c where c <> all (requester_causes_told)),
                    invitee_causes_told = invitee_causes_told || array(
                        select c from unnest(string_to_array(?5, ',')) c where c <> all (invitee_causes_told)),
                    updated_at = now()
                where id = ?1 and status = 'accepted'
                    and not (string_to_array(?4, ',') || string_to_array(?5, ',')) <@ (requester_causes_told || invitee_causes_told)""")
                .setParameter(1, id).setParameter(2, why.requesterWhy()).setParameter(3, why.inviteeWhy())
                .setParameter(4, String.join(",", why.requesterCauses()))
                .setParameter(5, String.join(",", why.inviteeCauses())).executeUpdate() == 1;
    }

    void accept(long id, StoredSlot slot) {
        entityManager.createNativeQuery("""
                update meeting set status = 'accepted', awaiting_id = null, slots = cast(?2 as jsonb), starts_at = ?3,
                    ends_at = ?4, place_id = ?5, place_name = ?6, updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, write(List.of(slot))).setParameter(3, slot.startsAt())
                .setParameter(4, slot.endsAt()).setParameter(5, slot.placeId()).setParameter(6, slot.placeName())
                .executeUpdate();
    }

    /** A counter-proposal: the slot replaces the earlier ones, and the other side answers next. */
    void propose(long id, StoredSlot slot, long awaitingId) {
        entityManager.createNativeQuery("""
                update meeting set slots = cast(?2 as jsonb), awaiting_id = ?3, updated_at = now() where id = ?1""")
                .setParameter(1, id).setParameter(2, write(List.of(slot))).setParameter(3, awaitingId).executeUpdate();
    }

    /** Declined or cancelled: the time and place are let go, so nothing of either agenda stays in it. */
    void close(long id, String status) {
        close(id, status, null);
    }

    /** Declined by this one of its two people: only they read it as declined. */
    void decline(long id, long by) {
        close(id, DECLINED, by);
    }

    private void close(long id, String status, Long declinedBy) {
        entityManager.createNativeQuery("""
                update meeting set status = ?2, awaiting_id = null, slots = '[]', starts_at = null, ends_at = null,
                    place_id = null, place_name = null, requester_no_longer_fits = null, invitee_no_longer_fits = null,
                    requester_causes_told = '{}', invitee_causes_told = '{}', declined_by = ?3, updated_at = now()
                where id = ?1""").unwrap(NativeQuery.class)
                .setParameter(1, id).setParameter(2, status).setParameter(3, declinedBy, Long.class).executeUpdate();
    }

    boolean holds(long eventId, long userId) {
        return (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from meeting where event_id = ?1 and (requester_id = ?2 or invitee_id = ?2))
                    or exists (select 1 from meeting_setting where event_id = ?1 and user_id = ?2)
                    or exists (select 1 from meeting_rate_limit where event_id = ?1 and user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).getSingleResult();
    }

    void erase(long eventId, long userId) {
        for (String sql : List.of("delete from meeting where event_id = ?1 and (requester_id = ?2 or invitee_id = ?2)",
                "delete from meeting_setting where event_id = ?1 and user_id = ?2",
                "delete from meeting_rate_limit where event_id = ?1 and user_id = ?2")) {
            entityManager.createNativeQuery(sql).setParameter(1, eventId).setParameter(2, userId).executeUpdate();
        }
    }

    long purge(long eventId, String table) {
        return entityManager.createNativeQuery("delete from " + table + " where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    List<StoredSlot> slots(Row row) {
        try {
            return json.readValue(row.slots(), SLOTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A meeting's stored slots could not be read", e);
        }
    }

    private String write(List<StoredSlot> slots) {
        try {
            return json.writeValueAsString(slots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A meeting's slots could not be written", e);
        }
    }
}
