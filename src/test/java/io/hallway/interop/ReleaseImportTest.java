package io.hallway.interop;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** An import into an event in release mode manual lands in the draft, and says what the next release holds. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReleaseImportTest {

    @Test
    void an_import_in_manual_mode_lands_in_the_draft_and_reports_the_next_release() {
        String slug = newEvent("import-draft");
        releaseMode(slug, "manual").statusCode(200);
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().header("ETag");

        Api.organizer().queryParam("dryRun", true).body(SessionizeDocument.conference().toMap())
                .post("/api/admin/events/" + slug + "/imports/sessionize").then().statusCode(200)
                .body("nextRelease.lastRelease", equalTo("initial"))
                .body("nextRelease.anythingToRelease", equalTo(true))
                .body("nextRelease.sessions.added", equalTo(7));
        SessionizeImportTest.importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200)
                .body("created", greaterThan(0))
                .body("nextRelease.lastRelease", equalTo("initial"))
                .body("nextRelease.sessions.added", equalTo(7))
                .body("nextRelease.sessions.moved", equalTo(0));

        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then().statusCode(304);
        Api.organizer().get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(200)
                .body("sessions", hasSize(7));

        release(slug, "sessionize", "From Sessionize").statusCode(201).body("sessions.added", equalTo(7));
        var edited = SessionizeDocument.conference();
        edited.session("s1").putAll(java.util.Map.of("startsAt", "2024-11-10T11:00:00", "endsAt", "2024-11-10T11:30:00"));
        edited.session("w1").put("status", "Cancelled");
        SessionizeImportTest.importDocument(slug, edited.toMap()).statusCode(200)
                .body("nextRelease.lastRelease", equalTo("sessionize"))
                .body("nextRelease.sessions.moved", equalTo(1))
                .body("nextRelease.sessions.cancelled", equalTo(1))
                .body("nextRelease.sessions.added", equalTo(0));
        // Importing the same document again leaves the draft and what the next release holds as they were.
        SessionizeImportTest.importDocument(slug, edited.toMap()).statusCode(200)
                .body("changes", empty())
                .body("nextRelease.sessions.moved", equalTo(1));
    }

    @Test
    void an_import_in_immediate_mode_reports_no_next_release() {
        String slug = newEvent("import-now");
        SessionizeImportTest.importDocument(slug, SessionizeDocument.conference().toMap()).statusCode(200)
                .body("$", not(hasKey("nextRelease")));
    }
}
