package io.hallway.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.WireEnum;

/**
 * One entry of an event's audit log: when (in the event's time zone), who, what they did to which resource, and
 * the resource's version before and after. {@code details} says what a version does not, such as an import's
 * counts.
 */
public record AuditEntryView(long id, OffsetDateTime at, Actor actor, AuditAction action, AuditResource resource,
        Long resourceId, Long versionBefore, Long versionAfter, Map<String, Object> details) {

    /** Who made the change: {@code userId} is null for the server itself and once the person was erased. */
    @Schema(name = "AuditActor")
    public record Actor(Long userId, String name) {
    }

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    static AuditEntryView from(AuditLog.Row row, ZoneId zone, ObjectMapper json) {
        return new AuditEntryView(row.id(), row.at().atZone(zone).toOffsetDateTime(),
                new Actor(row.actorUserId(), row.actorName()), WireEnum.parse(AuditAction.class, row.action()),
                WireEnum.parse(AuditResource.class, row.resource()), row.resourceId(), row.versionBefore(),
                row.versionAfter(), details(row.details(), json));
    }

    private static Map<String, Object> details(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details could not be read", e);
        }
    }
}
