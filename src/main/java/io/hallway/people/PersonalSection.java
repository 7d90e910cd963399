package io.hallway.people;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;

/**
 * A feature's {@link PersonalData} given as functions, one a duty, mostly its store's own methods. Every function is
 * required: a feature declares its section in one expression and still says, for each duty, what it does, with no
 * default to fall back on. A feature produces it as a bean: {@code @Produces @Singleton PersonalData}.
 */
public final class PersonalSection implements PersonalData {

    private final String section;
    private final Map<String, AfterPurge> tables;
    private final BiPredicate<Long, Long> holds;
    private final BiFunction<Long, Long, ?> export;
    private final BiConsumer<Long, Long> erase;
    private final LongFunction<Map<String, Long>> purge;

    /** Each function takes the event id and, but for {@code purge}, the user id, as {@link PersonalData} does. */
    public PersonalSection(String section, Map<String, AfterPurge> tables, BiPredicate<Long, Long> holds,
            BiFunction<Long, Long, ?> export, BiConsumer<Long, Long> erase, LongFunction<Map<String, Long>> purge) {
        this.section = Objects.requireNonNull(section, "section");
        this.tables = Map.copyOf(Objects.requireNonNull(tables, "tables"));
        this.holds = Objects.requireNonNull(holds, "holds");
        this.export = Objects.requireNonNull(export, "export");
        this.erase = Objects.requireNonNull(erase, "erase");
        this.purge = Objects.requireNonNull(purge, "purge");
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public Map<String, AfterPurge> tables() {
        return tables;
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return holds.test(eventId, userId);
    }

    @Override
    public Object export(long eventId, long userId) {
        return export.apply(eventId, userId);
    }

    @Override
    public void erase(long eventId, long userId) {
        erase.accept(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return purge.apply(eventId);
    }
}
