package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every foreign key has an index that starts with its columns: deleting a referenced row (an event, a session,
 * a connection) then finds the referencing rows by index instead of scanning their table. References to
 * {@code app_user} are the exception: its rows are never deleted (see {@link Users}).
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForeignKeyIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void every_foreign_key_is_covered_by_an_index() throws SQLException {
        List<String> unindexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement().executeQuery("""
                select c.conrelid::regclass::text as table_name, c.conname as constraint_name
                from pg_constraint c
                where c.contype = 'f'
                  and c.connamespace = 'public'::regnamespace
                  and c.confrelid <> 'app_user'::regclass
                  and not exists (
                      select 1 from pg_index i
                      where i.indrelid = c.conrelid
                        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
                order by 1, 2""")) {
            while (rows.next()) {
                unindexed.add(rows.getString("table_name") + "." + rows.getString("constraint_name"));
            }
        }
        assertEquals(List.of(), unindexed);
    }
}
