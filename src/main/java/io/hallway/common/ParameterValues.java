package io.hallway.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the numbers in query and path parameters so that a value that is not one names its parameter. JAX-RS
 * answers any unreadable query or path parameter with a bare 404, which tells a client nothing; a query parameter
 * is the caller's mistake (400), a path id that is no number still finds no resource (404), but says why.
 * Quarkus REST asks this provider for the boxed and primitive numbers alike; dates are read by the resources.
 */
@Provider
public class ParameterValues implements ParamConverterProvider {

    private static final String WHOLE_NUMBER = "[+-]?\\d+";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, ?> read;
        long min;
        long max;
        if (rawType == int.class || rawType == Integer.class) {
            read = Integer::valueOf;
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (rawType == long.class || rawType == Long.class) {
            read = Long::valueOf;
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return (ParamConverter<T>) new Reader<>(read, value -> queryNumber(query.value(), value, min, max));
            }
            if (annotation instanceof PathParam path) {
                return (ParamConverter<T>) new Reader<>(read, value -> pathNumber(path.value(), value));
            }
        }
        return null;
    }

    private static Problem queryNumber(String name, String value, long min, long max) {
        if (!value.matches(WHOLE_NUMBER)) {
            return Problem.invalid(name, "must be a whole number");
        }
        return Problem.invalid(name, value.startsWith("-") ? "must be at least " + min : "must be at most " + max);
    }

    private static Problem pathNumber(String name, String value) {
        return Problem.notFound(value.matches(WHOLE_NUMBER) ? "No such resource." : "No such resource: " + name
                + " must be a number.");
    }

    private record Reader<T>(Function<String, T> read, Function<String, Problem> refusal) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            try {
                return read.apply(value);
            } catch (NumberFormatException e) {
                throw refusal.apply(value);
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
