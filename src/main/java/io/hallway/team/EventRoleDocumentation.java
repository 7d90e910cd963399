package io.hallway.team;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes into the contract the event role each admin operation needs, read from the same
 * {@link RequiresEventRole} that {@link EventAccess} enforces: an {@code x-event-role} a generated client can read,
 * and a sentence in the description for people. Runs once, when the document is built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class EventRoleDocumentation implements OASFilter {

    static final String EXTENSION = "x-event-role";

    private static final DotName OPERATION = DotName.createSimple(
            org.eclipse.microprofile.openapi.annotations.Operation.class);
    private static final DotName REQUIRES = DotName.createSimple(RequiresEventRole.class);

    private final Map<String, String> roleByOperationId = new HashMap<>();

    public EventRoleDocumentation(IndexView index) {
        for (AnnotationInstance operation : index.getAnnotations(OPERATION)) {
            AnnotationValue operationId = operation.value("operationId");
            if (operation.target().kind() != AnnotationTarget.Kind.METHOD || operationId == null) {
                continue;
            }
            MethodInfo method = operation.target().asMethod();
            AnnotationInstance required = method.annotation(REQUIRES);
            if (required == null) {
                required = method.declaringClass().declaredAnnotation(REQUIRES);
            }
            if (required != null) {
                roleByOperationId.put(operationId.asString(), required.value().asEnum().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Override
    public Operation filterOperation(Operation operation) {
        String role = roleByOperationId.get(operation.getOperationId());
        if (role != null) {
            operation.addExtension(EXTENSION, role);
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                    + "Needs the role " + role + " in the event's team, or the operator's admin role; outside the "
                    + "team the event is a 404.");
        }
        return operation;
    }
}
