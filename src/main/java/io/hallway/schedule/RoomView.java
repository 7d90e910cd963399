package io.hallway.schedule;

public record RoomView(long id, String name, Integer capacity, String levelName, String directions, int position,
        String liveStatus, long version) {

    public static RoomView from(Room room) {
        return new RoomView(room.id, room.name, room.capacity, room.levelName, room.directions, room.position,
                room.liveStatus, room.version);
    }
}
