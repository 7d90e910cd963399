package io.hallway.suggestions;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.PersonalData;

/**
 * The hallway track's personal data: my opt-in with what it uses, the terms and the pool derived from it, and the
 * people I dismissed. An erasure deletes them, my place in other people's pools, and the dismissals that name me.
 */
@ApplicationScoped
class SuggestionData implements PersonalData {

    record Export(SuggestionSettingsResource.Settings settings, List<Long> dismissedProfileIds) {
    }

    @Inject
    SuggestionTerms terms;

    @Inject
    Dismissals dismissals;

    @Inject
    CandidatePool pools;

    @Override
    public String section() {
        return "suggestions";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return SuggestionSetting.optedIn(eventId, userId) || !dismissals.dismissedBy(eventId, userId).isEmpty();
    }

    @Override
    public Object export(long eventId, long userId) {
        if (!holds(eventId, userId)) {
            return null;
        }
        return new Export(SuggestionSetting.of(eventId, userId).map(SuggestionSettingsResource.Settings::of)
                .orElse(SuggestionSettingsResource.Settings.OFF), dismissals.dismissedBy(eventId, userId));
    }

    @Override
    public void erase(long eventId, long userId) {
        SuggestionSetting.delete("eventId = ?1 and userId = ?2", eventId, userId);
        terms.forget(eventId, userId);
        pools.forget(eventId, userId);
        dismissals.erase(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of("suggestionSettings", SuggestionSetting.delete("eventId", eventId), "suggestionTerms",
                terms.purge(eventId), "suggestionCandidates", pools.purge(eventId), "suggestionDismissals",
                dismissals.purge(eventId));
    }
}
