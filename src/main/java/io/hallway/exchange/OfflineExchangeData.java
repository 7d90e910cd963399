package io.hallway.exchange;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;

/**
 * The offline exchange's personal data: that I have an offline exchange secret, and when it was made and last
 * rotated; never the secret. The record of my used codes goes with the secret. Connections made with offline
 * codes are the exchange's ({@link ExchangeData}).
 */
@Singleton
class OfflineExchangeData {

    @Produces
    @Singleton
    PersonalData offlineExchange(OfflineSecrets secrets) {
        return new PersonalSection("offlineExchange",
                Map.of("offline_exchange_secret", AfterPurge.NONE, "offline_code_use", AfterPurge.NONE),
                (eventId, userId) -> secrets.dates(eventId, userId).isPresent(),
                (eventId, userId) -> secrets.dates(eventId, userId).orElse(null), secrets::erase,
                eventId -> Map.of("offlineExchangeSecrets", secrets.purge(eventId)));
    }
}
