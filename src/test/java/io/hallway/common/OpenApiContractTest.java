package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served contract is the committed one, so that every change to it is deliberate and shows in a diff the
 * mobile team reads. Each run writes the served document to {@link #SERVED}; when a change is intended, copy it
 * over {@link #SNAPSHOT} and commit it with the change. The document is compared whole: it holds nothing that
 * differs between runs (no host or port: the server is "/", the bearer scheme names no OIDC URL). Should such a
 * member appear, fix it in configuration rather than leave it out of the comparison.
 *
 * <p>
 * operationIds are the method names of generated clients, so they are stable, lowerCamelCase verb phrases
 * (getSchedule, bookmarkSession). The organizer API under /api/admin has its own audience and its own prefix:
 * every operation there starts with "admin" (adminListSessions, adminCreateRoom, adminImportSessionize), and no
 * other operation does, so a public name never collides with an admin one, now or when either side grows.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiContractTest {

    static final Path SNAPSHOT = Path.of("src/test/resources/openapi/hallway.json");
    static final Path SERVED = Path.of("target/openapi/hallway.json");
    static final String REGENERATE = "cp " + SERVED + " " + SNAPSHOT;

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final int SHOWN_DIFFERENCES = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two-space indent, one array item per line and \n line ends on every system: a change is a line of the diff. */
    private static final DefaultIndenter LINES = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
            .withArrayEmptySeparator("")).withObjectIndenter(LINES).withArrayIndenter(LINES));

    @Test
    void every_operation_has_a_unique_readable_operation_id() throws IOException {
        JsonNode paths = served().path("paths");
        Map<String, String> owners = new HashMap<>();
        List<String> gaps = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            String id = operation.getValue().path("operationId").asText("");
            boolean admin = path.getKey().startsWith("/api/admin/");
            if (!OPERATION_ID.matcher(id).matches()) {
                gaps.add(where + " has no lowerCamelCase operationId: '" + id + "'");
            } else if (admin != id.startsWith("admin")) {
                gaps.add(where + ": '" + id + "' " + (admin ? "lacks" : "must not have") + " the admin prefix");
            }
            String earlier = owners.putIfAbsent(id, where);
            if (earlier != null && !id.isEmpty()) {
                gaps.add(where + " reuses operationId '" + id + "' of " + earlier);
            }
        }));
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
        assertTrue(owners.size() > 50, "the contract lists the operations");
    }

    @Test
    void the_served_contract_is_the_committed_snapshot() throws IOException {
        JsonNode served = served();
        if (!Files.exists(SNAPSHOT)) {
            fail("No committed contract at " + SNAPSHOT + ". Review " + SERVED + ", then: " + REGENERATE);
        }
        JsonNode committed = JSON.readTree(SNAPSHOT.toFile());
        if (!committed.equals(served)) {
            List<String> differences = new ArrayList<>();
            differences(committed, served, "", differences);
            StringBuilder message = new StringBuilder("The served OpenAPI document differs from " + SNAPSHOT + " at "
                    + differences.size() + " JSON pointer(s):\n");
            differences.stream().limit(SHOWN_DIFFERENCES).forEach(d -> message.append("  ").append(d).append('\n'));
            if (differences.size() > SHOWN_DIFFERENCES) {
                message.append("  ...\n");
            }
            message.append("Generated clients see this change. If it is deliberate: ").append(REGENERATE)
                    .append(" and commit the snapshot with the change (diff it for the mobile team).");
            fail(message.toString());
        }
    }

    /** The served document, also written (keys sorted, indented, so it diffs well) to {@link #SERVED}. */
    private static JsonNode served() throws IOException {
        String body = Api.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        JsonNode document = sorted(JSON.readTree(body));
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, PRETTY.writeValueAsString(document) + "\n");
        return document;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            names(node).forEach(name -> result.set(name, sorted(node.get(name))));
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return node;
    }

    /** JSON pointers (RFC 6901) where the two documents differ, with both values. */
    private static void differences(JsonNode committed, JsonNode served, String pointer, List<String> found) {
        if (committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = names(committed);
            names.addAll(names(served));
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!served.has(name)) {
                    found.add(child + ": only in the snapshot");
                } else if (!committed.has(name)) {
                    found.add(child + ": only in the served document");
                } else {
                    differences(committed.get(name), served.get(name), child, found);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                differences(committed.get(i), served.get(i), pointer + "/" + i, found);
            }
        } else {
            found.add((pointer.isEmpty() ? "/" : pointer) + ": snapshot " + abbreviated(committed) + ", served "
                    + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }
}
