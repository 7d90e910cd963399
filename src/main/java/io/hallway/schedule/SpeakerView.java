package io.hallway.schedule;

import java.util.List;

public record SpeakerView(long id, String name, String company, String title, String bio, String photoUrl,
        List<Speaker.Link> links, long version) {

    public static SpeakerView from(Speaker speaker) {
        return new SpeakerView(speaker.id, speaker.name, speaker.company, speaker.title, speaker.bio,
                speaker.photoUrl, List.copyOf(speaker.links), speaker.version);
    }
}
