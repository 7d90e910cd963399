package io.hallway.notify;

import java.time.OffsetDateTime;

/**
 * What the operator's relay receives, in the Standard Webhooks shape ({@code type}, {@code timestamp},
 * {@code data}): the notification, and whom it is for by the issuer and subject they sign in with, which the
 * relay knows their devices by.
 */
record WebhookPayload(String type, OffsetDateTime timestamp, Data data) {

    static final String TYPE = "notification.created";

    record Data(NotificationMessage notification, Recipient recipient) {
    }

    record Recipient(String issuer, String subject) {
    }

    static WebhookPayload of(NotificationMessage message, String issuer, String subject) {
        return new WebhookPayload(TYPE, message.createdAt(), new Data(message, new Recipient(issuer, subject)));
    }
}
