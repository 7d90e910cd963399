package io.hallway.interop;

import static io.hallway.testing.ScheduleFixtures.newEvent;
import static org.hamcrest.Matchers.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Imports from a source URL, against a local stub server standing in for Sessionize. The test profile
 * allow-lists localhost, 127.0.0.1 and 127.0.0.2, lets the first two be fetched although they are loopback
 * addresses (allowed-private-hosts), accepts http, limits documents to 200 KB and fetches to 2 s.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SourceUrlImportTest {

    private static HttpServer stub;
    private static ExecutorService threads;
    private static String base;

    @BeforeAll
    static void startStub() throws IOException {
        byte[] document = new ObjectMapper().writeValueAsBytes(SessionizeDocument.conference().toMap());
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = stub.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        stub.createContext("/api/v2/demo/view/All", exchange -> send(exchange, 200, document));
        stub.createContext("/moved", exchange -> redirect(exchange, "/api/v2/demo/view/All"));
        stub.createContext("/elsewhere", exchange -> redirect(exchange, "http://localhost:" + port + "/api/v2/demo/view/All"));
        stub.createContext("/other-port", exchange -> redirect(exchange, "http://127.0.0.1:" + (port + 1) + "/api/v2/demo/view/All"));
        stub.createContext("/huge", exchange -> send(exchange, 200, new byte[300 * 1024]));
        stub.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, document);
        });
        stub.createContext("/gone", exchange -> send(exchange, 404, "not here".getBytes(StandardCharsets.UTF_8)));
        threads = Executors.newCachedThreadPool();
        stub.setExecutor(threads);
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.stop(0);
        threads.shutdownNow();
    }

    @Test
    void an_organizer_imports_from_an_allow_listed_source_url_and_resyncs_with_the_same_call() {
        String slug = newEvent("fetch");
        fetch(slug, base + "/api/v2/demo/view/All").statusCode(200).body("created", equalTo(16));
        fetch(slug, base + "/api/v2/demo/view/All").statusCode(200).body("created", equalTo(0))
                .body("updated", equalTo(0)).body("unchanged", equalTo(16));
    }

    @Test
    void a_redirect_within_the_same_host_is_followed() {
        fetch(newEvent("moved"), base + "/moved").statusCode(200).body("created", equalTo(16));
    }

    @Test
    void hosts_off_the_allow_list_and_other_schemes_are_refused_without_a_fetch() {
        String slug = newEvent("ssrf");
        fetch(slug, "http://169.254.169.254/latest/meta-data").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("sourceUrl"))
                .body("violations[0].message", containsString("not on the import allow-list"));
        fetch(slug, "file:///etc/passwd").statusCode(400).body("violations[0].field", equalTo("sourceUrl"));
        fetch(slug, "http://user:secret@127.0.0.1/x").statusCode(400).body("violations[0].field", equalTo("sourceUrl"));
    }

    @Test
    void a_redirect_to_another_host_is_not_followed() {
        fetch(newEvent("hop"), base + "/elsewhere").statusCode(400)
                .body("violations[0].message", containsString("redirects to another host (localhost)"));
    }

    @Test
    void an_allow_listed_host_that_resolves_to_a_loopback_address_is_refused_without_a_fetch() {
        String slug = newEvent("loopback");
        String url = base.replace("127.0.0.1", "127.0.0.2") + "/api/v2/demo/view/All";

        fetch(slug, url).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sourceUrl"))
                .body("violations[0].message", containsString("resolves to a loopback address (127.0.0.2)"))
                .body("violations[0].message", containsString("hallway.interop.allowed-private-hosts"));
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("sessions", empty());
    }

    @Test
    void a_redirect_to_another_port_is_not_followed() {
        String slug = newEvent("port");
        fetch(slug, base + "/other-port").statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("redirects to another port"));
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("sessions", empty());
    }

    @Test
    void a_document_over_the_size_limit_is_refused() {
        fetch(newEvent("huge"), base + "/huge").statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Document too large"));
    }

    @Test
    void a_source_slower_than_the_time_limit_is_given_up_on() {
        fetch(newEvent("slow"), base + "/slow").statusCode(504).contentType("application/problem+json")
                .body("title", equalTo("Source timed out"));
    }

    @Test
    void a_source_that_answers_with_an_error_is_reported_as_unavailable() {
        String slug = newEvent("gone");
        fetch(slug, base + "/gone").statusCode(502).body("detail", containsString("404"));
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("rooms", empty());
    }

    private static ValidatableResponse fetch(String slug, String url) {
        return Api.organizer().body(Map.of("sourceUrl", url)).post("/api/admin/events/" + slug + "/imports/sessionize").then();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
