package io.hallway.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells the database failures a client should hear about apart from our own bugs, by the SQLSTATE
 * PostgreSQL (or the driver, or the pool) put anywhere in the chain of causes: Hibernate, Narayana and
 * Agroal each wrap it differently.
 */
final class DatabaseFailures {

    enum Kind {
        /** The server cannot be reached, refuses connections, or went away mid-transaction: try again later. */
        UNAVAILABLE,
        /** A unique constraint refused a row a concurrent request inserted first. */
        DUPLICATE,
        /** PostgreSQL refused a value from the request that no rule had looked at (class 22: data exception). */
        INVALID_VALUE,
        OTHER
    }

    private DatabaseFailures() {
    }

    static Kind classify(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return Kind.UNAVAILABLE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // Class 08: connection exception; 57P01..57P03: admin or crash shutdown, cannot connect now
                // (PostgreSQL's error codes appendix).
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return Kind.UNAVAILABLE;
                }
                if (state.equals("23505")) {
                    return Kind.DUPLICATE;
                }
                if (state.startsWith("22")) {
                    return Kind.INVALID_VALUE;
                }
            }
        }
        return Kind.OTHER;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause : chain(failure)) {
            root = cause;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The failure, its causes and what was suppressed along the way, each once. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        List<Throwable> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            ordered.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return ordered;
    }
}
