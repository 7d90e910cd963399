package io.hallway.interop;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;

/**
 * Strict reading of an import document: every value is checked for its type, and every failure names
 * the place in the document as a JSON pointer (RFC 6901), so an organizer can find and fix it.
 */
final class DocumentFields {

    private DocumentFields() {
    }

    static Problem malformed(String pointer, String message) {
        return Problem.of(ProblemType.MALFORMED_SCHEDULE_DOCUMENT, pointer + ": " + message,
                List.of(new Problem.Violation(pointer, message))).with("pointer", pointer);
    }

    static String at(String pointer, String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    static String at(String pointer, int index) {
        return pointer + "/" + index;
    }

    static JsonNode object(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw malformed(at(pointer, field), node == null ? "is missing" : "must be an object");
        }
        return node;
    }

    /** An array member; {@code required} false reads a missing or null member as empty. */
    static JsonNode array(JsonNode parent, String field, String pointer, boolean required) {
        JsonNode node = parent.get(field);
        if ((node == null || node.isNull()) && !required) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (node == null || !node.isArray()) {
            throw malformed(at(pointer, field), node == null ? "is missing" : "must be an array");
        }
        return node;
    }

    /** A text member, or null where it is missing, null or blank. */
    static String text(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw malformed(at(pointer, field), "must be a string");
        }
        return node.asText().isBlank() ? null : node.asText().strip();
    }

    static String requiredText(JsonNode parent, String field, String pointer) {
        return required(text(parent, field, pointer), field, pointer);
    }

    /** An id, which sources write as a string or a whole number; null where it is missing or null. */
    static String id(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && !node.asText().isBlank() || node.isIntegralNumber()) {
            return node.asText().strip();
        }
        throw malformed(at(pointer, field), "must be a string or a whole number");
    }

    static String requiredId(JsonNode parent, String field, String pointer) {
        return required(id(parent, field, pointer), field, pointer);
    }

    static boolean flag(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw malformed(at(pointer, field), "must be true or false");
        }
        return node.asBoolean();
    }

    /** A value read by one of the readers above, which the document must have: a missing one is named. */
    private static String required(String value, String field, String pointer) {
        if (value == null) {
            throw malformed(at(pointer, field), "is required");
        }
        return value;
    }

    /** An http(s) link, or null: other links (relative, mailto:) are not something an app can open. */
    static String webLink(JsonNode parent, String field, String pointer) {
        String value = text(parent, field, pointer);
        return value != null && value.matches("https?://\\S+") ? value : null;
    }
}
