package io.hallway.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the numbers and flags in query and path parameters so that a value that is none names its parameter.
 * JAX-RS answers any unreadable query or path parameter with a bare 404, which tells a client nothing: a query
 * parameter is the caller's mistake (400), a path id that is no number still finds no resource (404), but says
 * why. And where JAX-RS reads anything but "true" as false, a flag here is true or false, so that a
 * {@code dryRun=yes} never runs the real thing. Quarkus REST asks this provider for primitive and boxed types
 * alike; dates it never asks for, so resources read those themselves. An absent primitive it is handed as "0",
 * so a primitive flag needs {@code @DefaultValue("false")}.
 */
@Provider
public class ParameterValues implements ParamConverterProvider {

    private static final String WHOLE_NUMBER = "[+-]?\\d+";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return (ParamConverter<T>) forQuery(rawType, query.value());
            }
            if (annotation instanceof PathParam path) {
                return (ParamConverter<T>) forPath(rawType, path.value());
            }
        }
        return null;
    }

    private static ParamConverter<?> forQuery(Class<?> type, String name) {
        if (type == boolean.class || type == Boolean.class) {
            return new Reader<>(ParameterValues::flag, value -> Problem.invalid(name, "must be true or false"));
        }
        if (type == int.class || type == Integer.class) {
            return new Reader<>(Integer::valueOf, value -> number(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (type == long.class || type == Long.class) {
            return new Reader<>(Long::valueOf, value -> number(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return null;
    }

    private static ParamConverter<?> forPath(Class<?> type, String name) {
        if (type == long.class || type == Long.class) {
            return new Reader<>(Long::valueOf, value -> Problem.notFound(value.matches(WHOLE_NUMBER)
                    ? "No such resource." : "No such resource: " + name + " must be a number."));
        }
        return null;
    }

    private static Boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("neither true nor false");
        };
    }

    private static Problem number(String name, String value, long min, long max) {
        if (!value.matches(WHOLE_NUMBER)) {
            return Problem.invalid(name, "must be a whole number");
        }
        return Problem.invalid(name, value.startsWith("-") ? "must be at least " + min : "must be at most " + max);
    }

    private record Reader<T>(Function<String, T> read, Function<String, Problem> refusal) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            try {
                return read.apply(value);
            } catch (IllegalArgumentException e) { // NumberFormatException is one too
                throw refusal.apply(value);
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
