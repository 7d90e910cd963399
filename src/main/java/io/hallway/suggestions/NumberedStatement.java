package io.hallway.suggestions;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with numbered parameters ({@code ?1}, {@code ?2}, each as often as needed, as the SQL
 * fragments other features lend take them), turned once into JDBC's plain markers: the request that runs it goes
 * to the driver straight, without the ORM's query plumbing, which cost about as much as the statement's execution.
 */
final class NumberedStatement {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    final String sql;
    /** For each JDBC marker in order, the number it was written with. */
    private final int[] numbers;

    private NumberedStatement(String sql, int[] numbers) {
        this.sql = sql;
        this.numbers = numbers;
    }

    static NumberedStatement of(String numbered) {
        List<Integer> numbers = new ArrayList<>();
        Matcher marker = NUMBERED.matcher(numbered);
        StringBuilder sql = new StringBuilder();
        while (marker.find()) {
            numbers.add(Integer.valueOf(marker.group(1)));
            marker.appendReplacement(sql, "?");
        }
        marker.appendTail(sql);
        return new NumberedStatement(sql.toString(), numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Binds {@code values[n - 1]} wherever {@code ?n} was written. */
    void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int marker = 0; marker < numbers.length; marker++) {
            statement.setObject(marker + 1, values[numbers[marker] - 1]);
        }
    }
}
