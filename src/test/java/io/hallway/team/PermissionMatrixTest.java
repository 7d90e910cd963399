package io.hallway.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every admin operation, found in the compiled resources (so a new one is covered without a change here), called
 * with real signed tokens by everyone who might try: anonymous, an attendee, the organizer of another event, a
 * host, a host of another room, an editor, the owner and the operator. An operation under
 * {@code /api/admin/events/{slug}} without a declared {@link RequiresEventRole} fails the build.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermissionMatrixTest {

    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(GET.class, "GET", POST.class,
            "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH", HEAD.class, "HEAD");
    private static final String EVENTS = "/api/admin/events";
    /** The only admin operations that name no event: the collection, which needs no event role. */
    private static final List<String> EVENT_COLLECTION = List.of("GET " + EVENTS, "POST " + EVENTS);
    private static final long NO_SUCH_ID = 999_999_999L;

    /** One admin operation and the least event role it declares (null for the event collection). */
    record Operation(String method, String template, EventRole required) {

        boolean namesRoom() {
            return template.contains("/rooms/{id}");
        }

        /** Whether calling it may take the fixture itself away: then each caller gets a fixture of their own. */
        boolean destructive() {
            return method.equals("DELETE") && (template.equals(EVENTS + "/{slug}") || template.endsWith("/members/me"));
        }

        String path(Fixture fixture) {
            return template.replace("{slug}", fixture.slug())
                    .replace("{id}", Long.toString(namesRoom() ? fixture.room() : NO_SUCH_ID))
                    .replace("{userId}", Long.toString(NO_SUCH_ID))
                    .replace("{invitationId}", Long.toString(NO_SUCH_ID)).replace("{edgeId}", "no-such-edge");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** An event with two rooms, its owner olivia, editor edith, host hana (every room) and hugo (the other room). */
    record Fixture(String slug, long room) {

        static Fixture make() {
            String slug = ScheduleFixtures.newEvent("matrix");
            long room = ScheduleFixtures.room(slug, "Hall", 100);
            long otherRoom = ScheduleFixtures.room(slug, "Annex", 20);
            TeamFixtures.join(slug, Tokens.of("edith"), EventRole.EDITOR, null);
            TeamFixtures.join(slug, Tokens.of("hana"), EventRole.HOST, null);
            TeamFixtures.join(slug, Tokens.of("hugo"), EventRole.HOST, List.of(otherRoom));
            return new Fixture(slug, room);
        }
    }

    /** Who calls, and what they hold in the fixture's event: nothing (null), a role, or a host's room limit. */
    enum Caller {
        ANONYMOUS(null), ATTENDEE("ada"), ORGANIZER_OF_ANOTHER_EVENT("otto"), HOST("hana"), HOST_OF_ANOTHER_ROOM("hugo"),
        EDITOR("edith"), OWNER("olivia"), ADMIN("root");

        final String user;

        Caller(String user) {
            this.user = user;
        }

        RequestSpecification request() {
            return user == null ? Api.anonymous() : Api.as(Tokens.of(user));
        }

        /** Whether the access check lets this caller through to the operation. */
        boolean passes(Operation operation) {
            return switch (this) {
                case ANONYMOUS, ATTENDEE, ORGANIZER_OF_ANOTHER_EVENT -> false;
                case HOST -> operation.required() == EventRole.HOST;
                case HOST_OF_ANOTHER_ROOM -> operation.required() == EventRole.HOST && !operation.namesRoom();
                case EDITOR -> EventRole.EDITOR.includes(operation.required());
                case OWNER, ADMIN -> true;
            };
        }
    }

    @Test
    void every_admin_operation_on_an_event_declares_the_event_role_it_needs() throws Exception {
        List<String> undeclared = new ArrayList<>();
        for (Operation operation : operations(undeclared)) {
            assertTrue(operation.required() != null || EVENT_COLLECTION.contains(operation.toString()),
                    operation + " has no event role");
        }
        assertEquals(List.of(), undeclared, "admin operations on an event without @RequiresEventRole");
    }

    @Test
    void each_caller_gets_exactly_what_their_role_in_the_event_allows_on_every_admin_operation() throws Exception {
        List<Operation> operations = operations(new ArrayList<>());
        assertTrue(operations.size() > 40, "the scan finds the admin operations: " + operations);
        String elsewhere = "matrix-otto-" + System.nanoTime();
        Api.as(Tokens.of("otto")).body(Map.of("slug", elsewhere, "name", "Elsewhere", "timeZone", ScheduleFixtures.ZONE,
                "startDate", ScheduleFixtures.DAY, "endDate", ScheduleFixtures.DAY)).post(EVENTS).then().statusCode(201);
        Fixture shared = Fixture.make();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.required() == null) {
                continue;
            }
            for (Caller caller : Caller.values()) {
                Fixture fixture = operation.destructive() ? Fixture.make() : shared;
                Response response = send(caller.request(), operation, fixture);
                String outcome = describe(caller, operation, fixture, response);
                if (outcome != null) {
                    wrong.add(outcome);
                }
            }
        }
        assertEquals(List.of(), wrong, "callers the access check treats wrongly");
    }

    @Test
    void the_event_collection_lists_my_events_and_lets_organizers_and_the_operator_create_one() {
        Map<Caller, List<Integer>> expected = Map.of(Caller.ANONYMOUS, List.of(401, 401), Caller.ATTENDEE,
                List.of(200, 403), Caller.HOST, List.of(200, 403), Caller.EDITOR, List.of(200, 403),
                Caller.ORGANIZER_OF_ANOTHER_EVENT, List.of(200, 400), Caller.OWNER, List.of(200, 400),
                Caller.ADMIN, List.of(200, 400));
        expected.forEach((caller, statuses) -> {
            assertEquals(statuses.get(0), caller.request().get(EVENTS).statusCode(), caller + " lists events");
            assertEquals(statuses.get(1), caller.request().body("{}").post(EVENTS).statusCode(), caller + " creates one");
        });
    }

    /** What is wrong with the response, or null when the caller got what their role allows. */
    private static String describe(Caller caller, Operation operation, Fixture fixture, Response response) {
        int status = response.statusCode();
        boolean notFoundByAccess = status == 404 && "urn:hallway:problem:not-found".equals(type(response))
                && ("No event '" + fixture.slug() + "'.").equals(response.jsonPath().getString("detail"));
        String expected;
        boolean right;
        if (caller == Caller.ANONYMOUS) {
            expected = "401";
            right = status == 401;
        } else if (caller == Caller.ATTENDEE || caller == Caller.ORGANIZER_OF_ANOTHER_EVENT) {
            expected = "the 404 of an unknown event";
            right = notFoundByAccess;
        } else if (caller.passes(operation)) {
            expected = "past the access check";
            right = status != 401 && status != 403 && !notFoundByAccess && status < 500;
        } else {
            expected = "403";
            right = status == 403 && "urn:hallway:problem:forbidden".equals(type(response));
        }
        return right ? null : caller + " " + operation + ": expected " + expected + ", got " + status + " "
                + response.asString();
    }

    private static String type(Response response) {
        try {
            return response.jsonPath().getString("type");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static Response send(RequestSpecification request, Operation operation, Fixture fixture) {
        if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            request = request.body("{}");
        }
        return request.request(operation.method(), operation.path(fixture));
    }

    /** The admin operations of the compiled resources; those on an event without an event role go to undeclared. */
    static List<Operation> operations(List<String> undeclared) throws IOException, URISyntaxException, ClassNotFoundException {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = HTTP_METHODS.entrySet().stream().filter(e -> method.isAnnotationPresent(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String template = join(base, sub == null ? "" : sub.value());
                if (!template.startsWith("/api/admin/")) {
                    continue;
                }
                RequiresEventRole required = method.isAnnotationPresent(RequiresEventRole.class)
                        ? method.getAnnotation(RequiresEventRole.class)
                        : resource.getAnnotation(RequiresEventRole.class);
                Operation operation = new Operation(verb, template, required == null ? null : required.value());
                if (required == null && !EVENT_COLLECTION.contains(operation.toString())) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName() + " (" + operation + ")");
                }
                operations.add(operation);
            }
        }
        return operations;
    }

    private static String join(String base, String sub) {
        String path = (base.startsWith("/") ? base : "/" + base).replaceAll("/$", "");
        String rest = sub.replaceAll("^/", "").replaceAll("/$", "");
        return rest.isEmpty() ? path : path + "/" + rest;
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(PermissionMatrixTest.class.getResource("/io/hallway").toURI()).getParent().getParent();
        Path mainClasses = root.resolveSibling("classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainClasses.resolve("io/hallway"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = mainClasses.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PermissionMatrixTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        assertFalse(resources.isEmpty(), "no resource classes found: the scan is broken");
        return resources;
    }
}
