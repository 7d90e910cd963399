package io.hallway.schedule;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Speaker extends ScheduleEntity {

    /** Named in the contract, so it cannot trade names with the profile's link as classes are scanned. */
    @Schema(name = "SpeakerLink")
    public record Link(String title, String url) {
    }

    public String name;
    public String company;
    public String title;
    public String bio;
    public String photoUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Link> links = new ArrayList<>();

    /** This event's speaker, or a 404: a speaker of another event is not found here. */
    public static Speaker inEvent(Event event, long id) {
        return inEvent(Speaker.class, "speaker", event, id);
    }
}
