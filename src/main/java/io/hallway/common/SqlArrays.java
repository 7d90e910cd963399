package io.hallway.common;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A PostgreSQL array literal for a native query's parameter ({@code cast(?1 as bigint[])}): one parameter for a
 * list of any length, so the statement's text, and so its cached plan, stays the same.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** {@code {1,2,3}}, for {@code bigint[]} or {@code int[]}. */
    public static String of(Collection<? extends Number> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
