package io.hallway.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses every operation can give, as problem+json, so the mobile team's
 * generated clients know them: 400 and 500 everywhere, 401 and 403 where a token is required, 404 where
 * the path names something, 409 on writes. The problem schema lists every {@link ProblemType}. Registered with
 * mp.openapi.filter.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean namesSomething = path.contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                boolean write = entry.getKey() != PathItem.HttpMethod.GET && entry.getKey() != PathItem.HttpMethod.HEAD;
                APIResponses responses = operation.getResponses();
                add(responses, "400", "The request is invalid; violations name each field");
                if (secured) {
                    add(responses, "401", "No valid bearer token");
                    add(responses, "403", "The token's roles do not allow this");
                }
                if (namesSomething) {
                    add(responses, "404", "No such event or item (or not yours)");
                }
                if (write) {
                    add(responses, "409", "Conflicts with the current state, such as a stale version or a clash");
                }
                add(responses, "500", "Unexpected failure; the body carries a correlation id");
            }
        });
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. Extra members depend on the problem, such as clashingSessionId "
                        + "or correlationId.")
                .addProperty("type", problemTypes())
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }

    /**
     * The catalogue: every type URI as an enum clients can switch on, and in x-problem-types the title and status
     * of each, so a generated client can name them.
     */
    private static Schema problemTypes() {
        List<Object> uris = new ArrayList<>();
        List<Object> catalogue = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            uris.add(type.uri().toString());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", type.uri().toString());
            entry.put("title", type.title());
            entry.put("status", type.status());
            catalogue.add(entry);
        }
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").enumeration(uris)
                .description("What kind of problem this is, one of a fixed catalogue: switch on this, not on the title "
                        + "or the detail, which are for people and may be reworded. x-problem-types gives each type's "
                        + "title and status (request-failed stands for any other 4xx of the HTTP layer).")
                .addExtension("x-problem-types", catalogue);
    }

    /**
     * Documents a problem response unless the operation describes its own; a bare one (such as those SmallRye adds
     * to a secured operation, with no body) is replaced, since ours always carry a problem.
     */
    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemDocument.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)))));
    }
}
