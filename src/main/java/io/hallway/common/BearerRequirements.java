package io.hallway.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Keeps every operation's security requirement a plain bearer token. SmallRye adds the requirement to each secured
 * operation by itself, which spares every resource its own declaration, but lists the realm roles of
 * {@code @RolesAllowed} in it as if they were OAuth scopes: a bearer scheme has none, lint tools refuse them, and a
 * role named by a configuration expression would show the expression.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BearerRequirements implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                Map<String, List<String>> withoutScopes = new LinkedHashMap<>();
                requirement.getSchemes().keySet().forEach(scheme -> withoutScopes.put(scheme, List.of()));
                requirement.setSchemes(withoutScopes);
            }
        }
        return operation;
    }
}
