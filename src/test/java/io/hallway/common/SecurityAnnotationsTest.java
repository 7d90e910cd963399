package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;

/**
 * Every resource method says who may call it. deny-unannotated-endpoints already refuses the others at
 * run time; this test names them at build time, before anyone wonders why an endpoint answers 403.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecurityAnnotationsTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class);
    private static final List<Class<? extends Annotation>> SECURITY = List.of(PermitAll.class, RolesAllowed.class,
            Authenticated.class, DenyAll.class);

    @Test
    void every_resource_method_declares_who_may_call_it() throws Exception {
        List<String> unannotated = new ArrayList<>();
        List<Class<?>> resources = resourceClasses();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent) && !secured(method)
                        && !secured(resource)) {
                    unannotated.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertFalse(resources.isEmpty(), "no resource classes found: the scan is broken");
        assertTrue(unannotated.isEmpty(), "resource methods without a security annotation: " + unannotated);
    }

    private static boolean secured(java.lang.reflect.AnnotatedElement element) {
        return SECURITY.stream().anyMatch(element::isAnnotationPresent);
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SecurityAnnotationsTest.class.getResource("/io/hallway").toURI()).getParent().getParent();
        Path mainClasses = root.resolveSibling("classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainClasses.resolve("io/hallway"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = mainClasses.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SecurityAnnotationsTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}
