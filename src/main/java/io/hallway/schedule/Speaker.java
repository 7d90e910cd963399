package io.hallway.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.hallway.common.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Speaker extends PanacheEntityBase {

    /** Named in the contract, so it cannot trade names with the profile's link as classes are scanned. */
    @Schema(name = "SpeakerLink")
    public record Link(String title, String url) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    public String name;
    public String company;
    public String title;
    public String bio;
    public String photoUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Link> links = new ArrayList<>();
    @Version
    public long version;
    public long revision;
    /** Set on imported rows only: the system it came from and its id there (see io.hallway.interop). */
    public String sourceSystem;
    public String sourceId;

    /** This event's speaker, if it has one with this id. */
    public static Optional<Speaker> findInEvent(Event event, long id) {
        return Speaker.<Speaker> find("id = ?1 and event = ?2", id, event).firstResultOptional();
    }

    /** This event's speaker, or a 404: a speaker of another event is not found here. */
    public static Speaker inEvent(Event event, long id) {
        return findInEvent(event, id).orElseThrow(() -> Problem.notFound("No speaker " + id + " in this event."));
    }
}
