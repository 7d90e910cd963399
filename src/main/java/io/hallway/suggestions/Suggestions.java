package io.hallway.suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.hallway.agenda.BookmarkStore;
import io.hallway.people.Audience;
import io.hallway.people.Blocks;
import io.hallway.people.AttendeeView;
import io.hallway.people.Profile;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionView;

/**
 * People worth meeting, ranked by what they share with me: the sessions we both bookmarked (2 points each), the
 * interests or company we both show (3 each), what one of us offers that the other seeks (5 each), and each session
 * I bookmarked that they speak at, once they linked their account to their speaker record (4 each, 8 when I am
 * here to meet speakers). The only code that writes {@code suggestion_dismissal}.
 * <p>
 * <b>Why a pool.</b> Scoring everyone who shares anything with me per request does not scale: at 20,000 attendees
 * a popular topic is held by thousands and each session is bookmarked by hundreds, so one request joined some
 * 40,000 index rows to keep 20 people. Instead each person has a pool ({@link CandidatePool}) built ahead from the
 * per-event indexes, fanning out from their rarest keys only: a topic held by thousands says little about any one
 * of them, so it never finds anybody, it only adds its points to people found through something more specific.
 * <p>
 * <b>What a request does</b>, in three statements whatever the event's size: (1) rank: read my pool best first,
 * keep only people who are still opted in, blocked neither way ({@link Blocks#neitherBlocks}) and not dismissed,
 * and score each from what we share now (the per-event indexes, probed for just these people), until
 * {@code limit} people with a reason are found; (2) read their cards; (3) word the reasons, the session titles
 * from the published schedule in memory. So the score and reasons shown are never stale and only name what is
 * shown to everyone now; what may be stale is who is in the pool (see the README's "People worth meeting").
 * Between (1) and (2), one more statement finds the speakers of what I bookmarked ({@link BookmarkedSpeakers}),
 * computed at read time since they are few; they merge into the ranked list.
 */
@ApplicationScoped
class Suggestions {

    /** One person worth meeting, as I see them, with why. */
    record Suggestion(AttendeeView person, long score, List<Reason> reasons) {
    }

    /**
     * Why, in words and in data: {@code kind} is {@code sessions}, {@code interest}, {@code company} or the other
     * person's intent ({@code hiring}, {@code looking-for-work}, {@code can-help-with}, {@code learning}).
     */
    record Reason(String kind, String text, String value, List<Long> sessionIds, List<Long> blockIds) {
    }

    /** A ranked person with what we share, as the ranking statement returns them. */
    record Ranked(long userId, long score, String terms, String sessionIds, String blockIds) {
    }

    /** A matched term of theirs: its term, their role and their words. */
    private record Matched(String term, String role, String label) {
    }

    /** The published schedule's session titles, kept with its snapshot. */
    private record Titles(Map<Long, String> byId) {
        static Titles of(ScheduleSnapshot snapshot) {
            return new Titles(snapshot.sessions().stream().collect(Collectors.toMap(SessionView::id, SessionView::title)));
        }
    }

    /** One person's place in my list, before it is cut to the limit. */
    private record Placed(long userId, Suggestion suggestion) {
    }

    static final int SESSION_POINTS = 2;

    @Inject
    EntityManager entityManager;

    /** Made once: resolving the list type on every request showed in its profile. */
    private final ObjectReader matchedTerms;

    @Inject
    BookmarkedSpeakers bookmarkedSpeakers;

    @Inject
    Suggestions(ObjectMapper json) {
        matchedTerms = json.readerFor(new TypeReference<List<Matched>>() {
        });
    }

    List<Suggestion> forMe(ScheduleSnapshots.Built schedule, long me, int limit) {
        long eventId = schedule.eventId();
        Map<Long, BookmarkedSpeakers.Speaker> speakers = bookmarkedSpeakers.of(eventId, me);
        // As many more as there are speakers: a speaker ranked lower still brings their other reasons.
        List<Ranked> ranked = ranked(eventId, me, limit + speakers.size());
        Set<Long> people = new LinkedHashSet<>(speakers.keySet());
        ranked.forEach(person -> people.add(person.userId()));
        if (people.isEmpty()) {
            return List.of();
        }
        Map<Long, Profile> cards = Profile.toShow(eventId, people).stream()
                .collect(Collectors.toMap(profile -> profile.userId, Function.identity()));
        Map<Long, String> titles = schedule.derived(Titles.class, Titles::of).byId();
        Map<Long, Ranked> byPerson = ranked.stream().collect(Collectors.toMap(Ranked::userId, Function.identity()));
        List<Placed> placed = new ArrayList<>();
        for (long userId : people) {
            Profile profile = cards.get(userId);
            if (profile == null) {
                continue;
            }
            Ranked person = byPerson.getOrDefault(userId, new Ranked(userId, 0, null, null, null));
            BookmarkedSpeakers.Speaker speaker = speakers.get(userId);
            List<Reason> reasons = new ArrayList<>();
            if (speaker != null) {
                reasons.add(speaker.reason());
            }
            reasons.addAll(reasons(person, titles));
            long score = person.score() + (speaker == null ? 0 : speaker.score());
            placed.add(new Placed(userId, new Suggestion(AttendeeView.of(profile, Audience.STRANGER), score, reasons)));
        }
        return placed.stream().sorted(Comparator.comparingLong((Placed p) -> -p.suggestion().score())
                .thenComparingLong(Placed::userId)).limit(limit).map(Placed::suggestion).toList();
    }

    /** The first {@code limit} people of my pool who may be shown to me and share something now, best first. */
    private List<Ranked> ranked(long eventId, long me, int limit) {
        @SuppressWarnings("unchecked")
        List<Ranked> ranked = entityManager.createNativeQuery("""
                with me as (
                    select use_bookmarks from suggestion_setting where event_id = ?1 and user_id = ?2
                ), mine as (
                    select term, """ + SuggestionTerms.partnerRole("role") + " as role, "
                + SuggestionTerms.points("role") + """
                 as points
                    from suggestion_term where event_id = ?1 and user_id = ?2
                ), pool as (
                    select c.candidate_id as user_id, c.score, c.tiebreak, theirs.use_bookmarks
                    from suggestion_candidate c
                    join suggestion_setting theirs on theirs.event_id = c.event_id and theirs.user_id = c.candidate_id
                    where c.event_id = ?1 and c.user_id = ?2
                    and not exists (select 1 from suggestion_dismissal d
                        where d.event_id = ?1 and d.user_id = ?2 and d.dismissed_user_id = c.candidate_id)
                    and""" + Blocks.neitherBlocks("?1", "?2", "c.candidate_id") + """
                )
                select p.user_id, cast(t.score + ?3 * s.shared as bigint) as score, cast(t.matched as text) as terms,
                    s.session_ids, s.block_ids
                from pool p
                cross join lateral (
                    select coalesce(sum(mine.points), 0) as score,
                        jsonb_agg(jsonb_build_object('term', theirs.term, 'role', theirs.role, 'label', theirs.label)) as matched
                    from mine join suggestion_term theirs on theirs.event_id = ?1 and theirs.user_id = p.user_id
                        and theirs.term = mine.term and theirs.role = mine.role
                ) t
                cross join lateral (
                    select count(*) as shared,
                        string_agg(cast(common.session_id as text), ',') filter (where common.session_id is not null) as session_ids,
                        string_agg(cast(common.block_id as text), ',') filter (where common.block_id is not null) as block_ids
                    from""" + BookmarkStore.inCommon("?1", "?2", "p.user_id") + """
                common
                    where p.use_bookmarks and (select use_bookmarks from me)
                ) s
                where t.score > 0 or s.shared > 0
                order by p.score desc, p.tiebreak
                limit ?4""", Ranked.class)
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, SESSION_POINTS).setParameter(4, limit)
                .getResultList();
        return ranked.stream().sorted(Comparator.comparingLong(Ranked::score).reversed()
                .thenComparingLong(Ranked::userId)).toList();
    }

    private List<Reason> reasons(Ranked person, Map<Long, String> titles) {
        List<Reason> reasons = new ArrayList<>();
        List<Long> sessionIds = ids(person.sessionIds());
        List<Long> blockIds = ids(person.blockIds());
        int shared = sessionIds.size() + blockIds.size();
        if (shared > 0) {
            List<String> named = sessionIds.stream().map(titles::get).filter(title -> title != null).limit(2)
                    .map(title -> "\u201c" + title + "\u201d").toList();
            String text = "You both bookmarked " + (shared == 1 ? "one session" : shared + " sessions")
                    + (named.isEmpty() ? "" : ", among them " + String.join(" and ", named));
            reasons.add(new Reason("sessions", text, null, sessionIds, blockIds));
        }
        List<Matched> matched = matched(person.terms());
        matched.sort(Comparator.comparing(Matched::term));
        for (Matched term : matched) {
            reason(term, matched).ifPresent(reasons::add);
        }
        return reasons;
    }

    /**
     * An intent without topics matches as "hiring"; with topics, as "hiring: Go". The plain one says nothing more
     * once a topic of the same intent matched.
     */
    private static Optional<Reason> reason(Matched term, List<Matched> all) {
        String kind = term.term().substring(0, term.term().indexOf(':'));
        if (SuggestionTerms.SHARED.equals(term.role())) {
            return Optional.of(kind.equals("interest")
                    ? new Reason("interest", "Both interested in " + term.label(), term.label(), null, null)
                    : new Reason("company", "Both at " + term.label(), term.label(), null, null));
        }
        Intent theirs = Arrays.stream(Intent.values())
                .filter(intent -> kind.equals(intent.family) && term.role().equals(intent.role)).findFirst().orElseThrow();
        boolean plain = term.label().isEmpty();
        if (plain && all.stream().anyMatch(other -> !other.label().isEmpty() && other.role().equals(term.role())
                && other.term().startsWith(kind + ":"))) {
            return Optional.empty();
        }
        String about = plain ? "" : term.label();
        String text = switch (theirs) {
            case HIRING -> plain ? "Hiring" : "Hiring: " + about;
            case LOOKING_FOR_WORK -> plain ? "Looking for work" : "Looking for work: " + about;
            case CAN_HELP_WITH -> plain ? "Happy to help" : "Can help with: " + about;
            case LEARNING -> plain ? "Here to learn" : "Learning: " + about;
            case MEET_SPEAKERS -> throw new IllegalStateException(
                    "meet-speakers is never a term: it weighs the speakers of my bookmarks");
        };
        return Optional.of(new Reason(theirs.wireName(), text, plain ? null : about, null, null));
    }

    private List<Matched> matched(String terms) {
        if (terms == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(matchedTerms.<List<Matched>> readValue(terms));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The ranking's matched terms could not be read", e);
        }
    }

    private static List<Long> ids(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).sorted().toList();
    }

    void dismiss(long eventId, long me, long them) {
        entityManager.createNativeQuery("""
                insert into suggestion_dismissal (event_id, user_id, dismissed_user_id) values (?1, ?2, ?3)
                on conflict do nothing""").setParameter(1, eventId).setParameter(2, me).setParameter(3, them)
                .executeUpdate();
    }

    void undismiss(long eventId, long me, long them) {
        entityManager.createNativeQuery("""
                delete from suggestion_dismissal where event_id = ?1 and user_id = ?2 and dismissed_user_id = ?3""")
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, them).executeUpdate();
    }

    /** The profile ids of the people I dismissed, for my export. */
    List<Long> dismissedBy(long eventId, long me) {
        @SuppressWarnings("unchecked")
        List<Number> userIds = entityManager.createNativeQuery("""
                select dismissed_user_id from suggestion_dismissal where event_id = ?1 and user_id = ?2""")
                .setParameter(1, eventId).setParameter(2, me).getResultList();
        if (userIds.isEmpty()) {
            return List.of();
        }
        return Profile.<Profile> list("eventId = ?1 and userId in ?2 order by id", eventId,
                userIds.stream().map(Number::longValue).toList()).stream().map(profile -> profile.id).toList();
    }

    /** My dismissals, and the ones that name me: with me gone from suggestions, they mean nothing. */
    long erase(long eventId, long userId) {
        return entityManager.createNativeQuery("""
                delete from suggestion_dismissal where event_id = ?1 and (user_id = ?2 or dismissed_user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from suggestion_dismissal where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }
}
