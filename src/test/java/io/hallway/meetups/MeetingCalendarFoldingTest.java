package io.hallway.meetups;

import static io.hallway.meetups.MeetingTest.ADA;
import static io.hallway.meetups.MeetingTest.conference;
import static io.hallway.meetups.MeetingTest.listedProfile;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.IcsLines;
import io.quarkus.test.junit.QuarkusTest;

/** A meet-up in a personal calendar feed is folded at 75 octets like the sessions beside it (RFC 5545 3.1). */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MeetingCalendarFoldingTest {

    @Test
    void a_meet_up_with_a_non_ascii_name_is_folded_at_75_octets_and_unfolds_to_that_name() {
        MeetingTest.Conference c = conference("ics-fold");
        // 27 characters, 81 octets: with "SUMMARY:Meet-up with " well under 75 characters, well over 75 octets.
        String name = "山田花子と東京の仲間たちの会と日本語の長い名前の人たち";
        listedProfile(ADA, c.slug(), name);
        AcceptedMeetingTest.accepted(c, 0);

        String unfolded = IcsLines.unfoldedAfterCheckingOctets(Api.anonymous()
                .get(AcceptedMeetingTest.feed(Api.otherAttendee(), c.slug())).then().statusCode(200).extract()
                .asByteArray());
        assertTrue(unfolded.contains("\r\nSUMMARY:Meet-up with " + name + "\r\n"), unfolded);
    }
}
