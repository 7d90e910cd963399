package io.hallway.live;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a host last reported about one session or lightning block of their room; see {@link Propagation}. */
@Entity
@Table(name = "live_report")
public class LiveReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "block_id")
    public Long blockId;

    @Column(name = "delay_minutes")
    public Integer delayMinutes;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    static List<LiveReport> ofEvent(long eventId) {
        return list("eventId", eventId);
    }

    /** The report about this session or block, made empty if there is none yet. */
    static LiveReport about(long eventId, Propagation.UnitId unit) {
        boolean session = unit.type() == Propagation.UnitType.SESSION;
        return LiveReport.<LiveReport> find(session ? "sessionId" : "blockId", unit.id()).firstResultOptional()
                .orElseGet(() -> {
                    LiveReport report = new LiveReport();
                    report.eventId = eventId;
                    report.sessionId = session ? unit.id() : null;
                    report.blockId = session ? null : unit.id();
                    return report;
                });
    }

    Propagation.UnitId unit() {
        return sessionId != null ? Propagation.UnitId.session(sessionId) : Propagation.UnitId.block(blockId);
    }

    Propagation.Report report() {
        return new Propagation.Report(delayMinutes, startedAt, endedAt);
    }
}
