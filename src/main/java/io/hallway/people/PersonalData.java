package io.hallway.people;

import java.util.Map;

/**
 * One feature's part of what the server keeps about a person in an event: every feature that stores rows
 * about a person produces one for its own tables (a {@link PersonalSection} bean), so "export my data", "erase
 * my data" and the retention purge ({@link MyDataResource}, {@link PersonalDataPurge}) reach a feature added
 * later without a change here. {@code PersonalDataCatalogueTest} finds the tables that refer to a person and
 * fails for one that keeps a row after an erasure.
 */
public interface PersonalData {

    /** The member of the export document this feature fills. */
    String section();

    /**
     * The tables this feature keeps people's data in, each with what {@link #purge} leaves of an event's rows. A
     * table holding people's data is declared by the one feature that owns it: {@code PersonalDataCatalogueTest}
     * fails for a table that refers to a person and is not declared, {@code PersonalDataPurgeTest} checks each one.
     */
    Map<String, AfterPurge> tables();

    /** Whether this feature keeps anything about the person in the event: anything {@link #erase} would delete. */
    boolean holds(long eventId, long userId);

    /** What this feature keeps about the person in the event, as a JSON value; null leaves the member out. */
    Object export(long eventId, long userId);

    /** Deletes what this feature keeps about the person in the event; what others stored stays. */
    void erase(long eventId, long userId);

    /** Deletes what this feature keeps about anybody in the event; the rows deleted, by what they were. */
    Map<String, Long> purge(long eventId);

    /** What the retention purge leaves of an event's rows in a table. */
    enum AfterPurge {
        /** Nothing. */
        NONE,
        /** The rows, without the people in them: every column that refers to a person is cleared. */
        ROWS_WITHOUT_PEOPLE,
        /** The rows as they are: the organizers' record of their own work, which goes with the event. */
        ALL
    }
}
