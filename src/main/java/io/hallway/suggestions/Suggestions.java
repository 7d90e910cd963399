package io.hallway.suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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

import io.hallway.agenda.BookmarkStore;
import io.hallway.people.Audience;
import io.hallway.people.Blocks;
import io.hallway.people.AttendeeView;
import io.hallway.people.Profile;
import io.hallway.schedule.Session;

/**
 * People worth meeting, ranked by what they share with me: the sessions we both bookmarked (2 points each), the
 * interests or company we both show (3 each), what one of us offers that the other seeks (5 each), and each session
 * I bookmarked that they speak at, once they linked their account to their speaker record (4 each, 8 when I am
 * here to meet speakers). One
 * statement ranks everybody from the indexes (the people who bookmarked what I did, the people with my terms),
 * never comparing me with the whole event; one more finds the speakers ({@link BookmarkedSpeakers}), and two
 * more read the cards and the sessions the reasons name. Only
 * people who opted in are ranked, and only for someone who opted in. The only code that writes
 * {@code suggestion_dismissal}.
 */
@ApplicationScoped
class Suggestions {

    /** One person worth meeting, as I see them, with why. */
    record Suggestion(AttendeeView person, long score, List<Reason> reasons) {
    }

    /**
     * Why, in words and in data: {@code kind} is {@code sessions}, {@code speaker}, {@code interest}, {@code company}
     * or the other person's intent ({@code hiring}, {@code looking-for-work}, {@code can-help-with}, {@code learning}).
     */
    record Reason(String kind, String text, String value, List<Long> sessionIds, List<Long> blockIds) {
    }

    /** A ranked person as the ranking statement returns them. */
    private record Ranked(long userId, long score, String terms, String sessionIds, String blockIds) {
    }

    /** A matched term of theirs: its term, their role and their words. */
    private record Matched(String term, String role, String label) {
    }

    /** One person's place in my list, before it is cut to the limit. */
    private record Placed(long userId, Suggestion suggestion) {
    }

    private static final int SESSION_POINTS = 2;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    BookmarkedSpeakers bookmarkedSpeakers;

    List<Suggestion> forMe(long eventId, long me, int limit) {
        Map<Long, BookmarkedSpeakers.Speaker> speakers = bookmarkedSpeakers.of(eventId, me);
        @SuppressWarnings("unchecked")
        List<Ranked> ranked = entityManager.createNativeQuery("""
                with terms as (
                    select theirs.user_id, sum(case when theirs.role = 'shared' then 3 else 5 end) as score,
                        jsonb_agg(jsonb_build_object('term', theirs.term, 'role', theirs.role, 'label', theirs.label)) as matched
                    from suggestion_term mine
                    join suggestion_term theirs on theirs.event_id = mine.event_id and theirs.term = mine.term
                        and theirs.role = case mine.role when 'shared' then 'shared' when 'offers' then 'seeks' else 'offers' end
                        and theirs.user_id <> mine.user_id
                    where mine.event_id = ?1 and mine.user_id = ?2
                    group by theirs.user_id
                ), sessions as (
                    select common.user_id, array_agg(common.session_id) filter (where common.session_id is not null) as session_ids,
                        array_agg(common.block_id) filter (where common.block_id is not null) as block_ids, count(*) as shared
                    from (""" + BookmarkStore.SESSIONS_IN_COMMON + """
                ) common
                    join suggestion_setting theirs on theirs.event_id = ?1 and theirs.user_id = common.user_id and theirs.use_bookmarks
                    where exists (select 1 from suggestion_setting me where me.event_id = ?1 and me.user_id = ?2 and me.use_bookmarks)
                    group by common.user_id
                )
                select coalesce(t.user_id, s.user_id) as user_id,
                    cast(coalesce(t.score, 0) + ?3 * coalesce(s.shared, 0) as bigint) as score,
                    cast(t.matched as text) as terms, array_to_string(s.session_ids, ',') as session_ids,
                    array_to_string(s.block_ids, ',') as block_ids
                from terms t full join sessions s on s.user_id = t.user_id
                where not exists (select 1 from suggestion_dismissal d
                    where d.event_id = ?1 and d.user_id = ?2 and d.dismissed_user_id = coalesce(t.user_id, s.user_id))
                and""" + Blocks.neitherBlocks("?1", "?2", "coalesce(t.user_id, s.user_id)") + """
                order by 2 desc, 1 limit ?4""", Ranked.class)
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, SESSION_POINTS)
                // As many more as there are speakers: a speaker ranked lower still brings their other reasons.
                .setParameter(4, limit + speakers.size()).getResultList();
        Set<Long> people = new LinkedHashSet<>(speakers.keySet());
        ranked.forEach(person -> people.add(person.userId()));
        if (people.isEmpty()) {
            return List.of();
        }
        Map<Long, Profile> profiles = Profile.<Profile> list("eventId = ?1 and userId in ?2", eventId,
                List.copyOf(people)).stream()
                .collect(Collectors.toMap(profile -> profile.userId, Function.identity()));
        Map<Long, String> titles = titles(ranked);
        Map<Long, Ranked> byPerson = ranked.stream().collect(Collectors.toMap(Ranked::userId, Function.identity()));
        List<Placed> placed = new ArrayList<>();
        for (long userId : people) {
            Profile profile = profiles.get(userId);
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
            case MEET_SPEAKERS -> throw new IllegalStateException("meet-speakers is matched with speakers, never as a term");
        };
        return Optional.of(new Reason(theirs.wireName(), text, plain ? null : about, null, null));
    }

    private Map<Long, String> titles(List<Ranked> ranked) {
        Set<Long> ids = ranked.stream().flatMap(person -> ids(person.sessionIds()).stream()).collect(Collectors.toSet());
        Map<Long, String> titles = new HashMap<>();
        if (!ids.isEmpty()) {
            Session.<Session> list("id in ?1", ids).forEach(session -> titles.put(session.id, session.title));
        }
        return titles;
    }

    private List<Matched> matched(String terms) {
        if (terms == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(json.readValue(terms, new TypeReference<List<Matched>>() {
            }));
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
