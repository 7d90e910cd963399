package io.hallway.suggestions;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;

/**
 * The hallway track's personal data: my opt-in with what it uses, the terms and the pool derived from it, and the
 * people I dismissed. An erasure deletes them, my place in other people's pools, my terms from the counts of who holds
 * each, and the dismissals that name me.
 */
@Singleton
class SuggestionData {

    /**
     * My settings, the terms made from them (what I can be matched on), and whom I dismissed. My pool is not in it:
     * an index derived from my terms and bookmarks that names other people, which {@code GET /me/suggestions} shows
     * me as far as their settings let it.
     */
    record Export(SuggestionSettingsResource.Settings settings, List<SuggestionTerms.Term> terms,
            List<Long> dismissedProfileIds) {
    }

    @Inject
    SuggestionTerms terms;

    @Inject
    Dismissals dismissals;

    @Inject
    CandidatePool pools;

    @Inject
    SuggestionLocks locks;

    @Produces
    @Singleton
    PersonalData suggestions() {
        return new PersonalSection("suggestions", Map.of("suggestion_setting", AfterPurge.NONE,
                "suggestion_term", AfterPurge.NONE, "suggestion_candidate", AfterPurge.NONE, "suggestion_dismissal",
                AfterPurge.NONE), this::holds, this::export, this::erase,
                eventId -> Map.of("suggestionSettings", SuggestionSetting.delete("eventId", eventId), "suggestionTerms",
                        terms.purge(eventId), "suggestionCandidates", pools.purge(eventId), "suggestionDismissals",
                        dismissals.purge(eventId)));
    }

    private boolean holds(long eventId, long userId) {
        return SuggestionSetting.optedIn(eventId, userId) || !dismissals.dismissedBy(eventId, userId).isEmpty();
    }

    private Export export(long eventId, long userId) {
        if (!holds(eventId, userId)) {
            return null;
        }
        return new Export(SuggestionSetting.of(eventId, userId).map(SuggestionSettingsResource.Settings::of)
                .orElse(SuggestionSettingsResource.Settings.OFF), terms.of(eventId, userId),
                dismissals.dismissedBy(eventId, userId));
    }

    private void erase(long eventId, long userId) {
        locks.person(eventId, userId);
        SuggestionSetting.delete("eventId = ?1 and userId = ?2", eventId, userId);
        pools.forget(eventId, userId, terms.forget(eventId, userId));
        dismissals.erase(eventId, userId);
    }
}
