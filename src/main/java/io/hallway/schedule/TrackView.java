package io.hallway.schedule;

public record TrackView(long id, String name, String color, long version) {

    public static TrackView from(Track track) {
        return new TrackView(track.id, track.name, track.color, track.version);
    }
}
