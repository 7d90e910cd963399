package io.hallway.people;

import static io.hallway.testing.PersonalDataFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.PeopleFixtures;
import io.hallway.team.EventRole;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Finds every column that refers to a person from the database catalogue, so a table added later is
 * checked without a change here: it needs data from the set-up below, and an erasure through its
 * feature's {@link PersonalData}.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PersonalDataCatalogueTest {

    /**
     * A column that holds a person's id, and how to find its rows in one event: through the table's own
     * event_id, or through the table its other foreign key points to (connection_member through connection).
     */
    record PersonColumn(String table, String column, String eventTable, String joinColumn, String eventTableKey) {

        /** Counts the rows of one person in one event. */
        String countSql() {
            if (eventTable == null) {
                return "select count(*) from " + table + " t where t.event_id = ? and t." + column + " = ?";
            }
            return "select count(*) from " + table + " t join " + eventTable + " e on e." + eventTableKey + " = t."
                    + joinColumn + " where e.event_id = ? and t." + column + " = ?";
        }

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /**
     * Every column with a foreign key to app_user and, for a table without an event_id of its own, the table
     * holding the event that its other single-column foreign key points to.
     */
    private static final String PERSON_COLUMNS = """
            select t.relname, a.attname, via.event_table, via.join_column, via.event_table_key
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
            left join lateral (
                select r.relname as event_table, ja.attname as join_column, ra.attname as event_table_key
                from pg_constraint j
                join pg_class r on r.oid = j.confrelid
                join pg_attribute ja on ja.attrelid = j.conrelid and ja.attnum = j.conkey[1]
                join pg_attribute ra on ra.attrelid = j.confrelid and ra.attnum = j.confkey[1]
                where j.conrelid = c.conrelid and j.contype = 'f' and cardinality(j.conkey) = 1
                  and exists (select 1 from pg_attribute e
                              where e.attrelid = j.confrelid and e.attname = 'event_id' and not e.attisdropped)
                order by r.relname limit 1
            ) via on not exists (select 1 from pg_attribute own
                                 where own.attrelid = c.conrelid and own.attname = 'event_id' and not own.attisdropped)
            where c.contype = 'f' and c.confrelid = 'app_user'::regclass
            order by 1, 2""";

    /**
     * Columns that look like a person's id but have no foreign key to app_user, which the catalogue query
     * above would miss. There are none: every table that stores a person references app_user. A new one
     * is a failure until it gets a foreign key.
     */
    private static final String UNREFERENCED_PERSON_COLUMNS = """
            select col.table_name || '.' || col.column_name from information_schema.columns col
            where col.table_schema = current_schema() and col.table_name <> 'app_user'
              and col.data_type in ('bigint', 'integer')
              and col.column_name ~ '(^|_)(user|owner|attendee|person|member)(_|$)'
              and not exists (
                  select 1 from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                  where c.contype = 'f' and c.confrelid = 'app_user'::regclass
                    and c.conrelid = (quote_ident(col.table_name))::regclass and a.attname = col.column_name)
            order by 1""";

    /**
     * Columns naming a person in rows that are somebody else's data and outlive the person's erasure, each with
     * why. Only ids or what the other person needs to keep: an addition here is a decision to state in the README.
     */
    private static final Map<String, String> KEPT_AFTER_ERASURE = Map.of(
            "person_block.blocked_id", "a block is the blocker's, and keeps protecting them if the person comes back",
            "conduct_report.reported_user_id", "a report is the reporter's, kept for the organizers' duty of care");

    @Inject
    DataSource dataSource;

    @Inject
    Instance<PersonalData> features;

    @Test
    void an_erased_person_keeps_no_row_in_any_table_that_refers_to_a_person() {
        List<PersonColumn> columns = personColumns();
        assertTrue(columns.size() >= 11, "the catalogue names every person column: " + columns);
        for (PersonColumn column : columns) {
            assertTrue(column.eventTable() != null || hasEventId(column.table()),
                    column + " refers to a person but neither it nor a table it references says which event");
        }
        String slug = ScheduleFixtures.newEvent("catalogue");
        String elsewhere = ScheduleFixtures.newEvent("catalogue-elsewhere");
        long talk = ratableTalk(slug);
        long talkElsewhere = ratableTalk(elsewhere);
        // A connection stores its pair ordered by id, so each person meets one peer with a lower id and one
        // with a higher one: then the person has rows in both user_low and user_high.
        List<String> first = byId(slug, Tokens.of("nina"), Tokens.of("pia"), Tokens.of("quinn"));
        List<String> second = byId(slug, Tokens.of("omar"), Tokens.of("rafa"), Tokens.of("sami"));
        String erased = first.get(1);
        String kept = second.get(1);
        personalDataOf(erased, slug, talk, 2, "Erased comment", first.get(0), first.get(2));
        personalDataOf(kept, slug, talk, 5, "Kept comment", second.get(0), second.get(2));
        personalDataOf(erased, elsewhere, talkElsewhere, 4, "Comment elsewhere", first.get(0), first.get(2));
        organizerWork(erased, slug);
        organizerWork(kept, slug);
        organizerWork(erased, elsewhere);
        moveTalk(slug, talk);
        moveTalk(elsewhere, talkElsewhere);
        TeamFixtures.join(slug, erased, EventRole.HOST, null);
        TeamFixtures.join(slug, kept, EventRole.EDITOR, null);
        TeamFixtures.join(elsewhere, erased, EventRole.HOST, null);

        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", slug);
        long eventElsewhere = db.count("select id from event where slug = ?", elsewhere);
        long erasedId = db.userId(erased);
        long keptId = db.userId(kept);
        for (PersonColumn column : columns) {
            assertTrue(db.count(column.countSql(), event, erasedId) > 0,
                    "the set-up (PersonalDataFixtures.personalDataOf, organizerWork) makes no row in " + column + ": add one, so the erasure is tested");
        }

        for (PersonalData feature : features) {
            assertTrue(feature.holds(event, erasedId), feature.section() + " holds the person's data before the erasure");
        }

        Api.as(erased).delete("/api/events/" + slug + "/me").then().statusCode(204);

        List<String> left = new ArrayList<>();
        for (PersonColumn column : columns) {
            if (KEPT_AFTER_ERASURE.containsKey(column.toString())) {
                assertTrue(db.count(column.countSql(), event, erasedId) > 0,
                        column + " is kept after the erasure: " + KEPT_AFTER_ERASURE.get(column.toString()));
            } else if (db.count(column.countSql(), event, erasedId) > 0) {
                left.add(column.toString());
            }
            assertTrue(db.count(column.countSql(), event, keptId) > 0, "another person's rows stay in " + column);
            assertTrue(db.count(column.countSql(), eventElsewhere, erasedId) > 0, "my rows of another event stay in " + column);
        }
        assertEquals(List.of(), left, "rows of the erased person left after DELETE /me; their feature's PersonalData "
                + "must erase them");
        for (PersonalData feature : features) {
            assertFalse(feature.holds(event, erasedId), feature.section() + " holds nothing of the person after the erasure");
            assertTrue(feature.holds(event, keptId), feature.section() + " still holds another person's data");
        }
    }

    @Test
    void every_table_that_refers_to_a_person_is_declared_by_one_feature() {
        Map<String, List<String>> declaredBy = new TreeMap<>();
        for (PersonalData feature : features) {
            feature.tables().keySet().forEach(table -> declaredBy.computeIfAbsent(table, t -> new ArrayList<>())
                    .add(feature.section()));
        }
        for (PersonColumn column : personColumns()) {
            assertEquals(1, declaredBy.getOrDefault(column.table(), List.of()).size(), column.table()
                    + " refers to a person: the one feature that owns it declares it in its PersonalData.tables(), "
                    + "so the purge tests check it; declared by " + declaredBy.get(column.table()));
        }
        declaredBy.forEach((table, sections) -> assertEquals(1, sections.size(), table + " is declared by " + sections));
    }

    @Test
    void every_column_that_holds_a_person_has_a_foreign_key_the_catalogue_sees() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNREFERENCED_PERSON_COLUMNS);
                ResultSet rows = query.executeQuery()) {
            List<String> unreferenced = new ArrayList<>();
            while (rows.next()) {
                unreferenced.add(rows.getString(1));
            }
            assertEquals(List.of(), unreferenced, "columns that look like a person's id without a foreign key to app_user");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The people, each with a profile in the event (so with an id), from the lowest id to the highest. */
    private List<String> byId(String slug, String... tokens) {
        Db db = new Db(dataSource);
        for (String token : tokens) {
            PeopleFixtures.profile(token, slug, "Someone");
        }
        return Stream.of(tokens).sorted(Comparator.comparingLong(db::userId)).toList();
    }

    private List<PersonColumn> personColumns() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(PERSON_COLUMNS);
                ResultSet rows = query.executeQuery()) {
            List<PersonColumn> columns = new ArrayList<>();
            while (rows.next()) {
                columns.add(new PersonColumn(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
            }
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean hasEventId(String table) {
        return new Db(dataSource).count("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and table_name = ? and column_name = 'event_id'""", table) == 1;
    }
}
