package io.hallway.exchange;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.PersonalData;

/**
 * The offline exchange's personal data: that I have an offline exchange secret, and when it was made and last
 * rotated; never the secret. The record of my used codes goes with the secret. Connections made with offline
 * codes are the exchange's ({@link ExchangeData}).
 */
@ApplicationScoped
class OfflineExchangeData implements PersonalData {

    @Inject
    OfflineSecrets secrets;

    @Override
    public String section() {
        return "offlineExchange";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return secrets.dates(eventId, userId).isPresent();
    }

    @Override
    public Object export(long eventId, long userId) {
        return secrets.dates(eventId, userId).orElse(null);
    }

    @Override
    public void erase(long eventId, long userId) {
        secrets.erase(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of("offlineExchangeSecrets", secrets.purge(eventId));
    }
}
