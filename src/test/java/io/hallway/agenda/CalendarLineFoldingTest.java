package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.IcsLines;
import io.quarkus.test.junit.QuarkusTest;

/** RFC 5545 3.1: every calendar we serve folds its lines at 75 octets, not 75 characters. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CalendarLineFoldingTest {

    /** 58 characters, 94 octets of UTF-8: no comma or semicolon, so SUMMARY carries it unescaped. */
    private static final String TITLE = "Überraschung: Größenänderung für Anfänger — 日本語のセッションと東京の話";
    private static final String BLOCK = "Blitzlichter: 短い発表の時間と休憩の後の質疑応答と懇親会";

    @Test
    void every_calendar_folds_non_ascii_titles_at_75_octets_and_unfolds_to_the_exact_title() {
        String slug = newEvent("ics-fold");
        long theater = room(slug, "Großer Saal", 120);
        long speaker = speaker(slug, "Jürgen Müller");
        long id = create(slug, talk(TITLE, theater, "09:00", "09:30", speaker)).getLong("id");
        long block = block(slug, BLOCK, theater, "13:00", "13:10");
        lightningTalk(slug, block, "Schnell: 速いデプロイ");
        bookmark(Api.attendee(), slug, id);
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        String link = Api.attendee().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .extract().jsonPath().getString("url");

        for (String path : List.of("/api/events/" + slug + "/schedule.ics", "/api/events/" + slug + "/sessions/" + id + ".ics",
                link.substring(link.indexOf("/api/")))) {
            String unfolded = IcsLines.unfoldedAfterCheckingOctets(Api.anonymous().get(path).then().statusCode(200)
                    .contentType(startsWith("text/calendar")).extract().asByteArray());
            assertTrue(unfolded.contains("\r\nSUMMARY:" + TITLE + "\r\n"), path + " names the session exactly:\n" + unfolded);
        }
        String mine = IcsLines.unfoldedAfterCheckingOctets(Api.anonymous().get(link.substring(link.indexOf("/api/")))
                .then().statusCode(200).extract().asByteArray());
        assertTrue(mine.contains("\r\nSUMMARY:" + BLOCK + "\r\n"), "the bookmarked block, exactly:\n" + mine);
    }
}
