package io.hallway.common;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list, with what a client needs to fetch the next. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        long total = query.count();
        List<T> items = query.page(request.page, request.size).list().stream().map(view).toList();
        return new Page<>(items, request.page, request.size, total, totalPages(total, request.size));
    }

    /** For lists that are filtered in memory after loading (small, per-event collections). */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size, all.size());
        return new Page<>(all.subList(from, to), request.page, request.size, all.size(),
                totalPages(all.size(), request.size));
    }

    /** A page a query already cut, with the number of items it was cut from. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(items, request.page, request.size, totalItems, totalPages(totalItems, request.size));
    }

    /** The same page with each item turned into another. */
    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), page, size, totalItems, totalPages);
    }

    private static int totalPages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
