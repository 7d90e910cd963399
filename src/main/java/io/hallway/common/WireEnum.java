package io.hallway.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum that travels by a wire name of its own: in JSON bodies, query parameters, documents and columns. One
 * idiom for all of them: the wire name is the constant's name in lower case with hyphens ({@code LIGHTNING_TALK}
 * is {@code lightning-talk}), JSON reads it through {@link StrictWireJson}, and a column stores it through a
 * {@link WireNameConverter}. However a value arrives, an unknown one is refused the same way, with the allowed ones.
 * <p>
 * Each enum declares {@code wireName()} itself, returning {@code WireEnum.super.wireName()}: the OpenAPI scanner
 * reads the names it lists in the contract only through a method the enum declares.
 */
public interface WireEnum {

    /** The constant's own name, which {@link Enum} provides. */
    String name();

    @JsonValue
    default String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant with this wire name. An unknown one is an {@link UnknownValue}, which {@link Problems} answers
     * with a 400 naming the field when a JSON body held it.
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        return find(type, value).orElseThrow(() -> new UnknownValue(wireNames(type)));
    }

    /** The constant for a value outside a JSON body, such as a query parameter; an unknown one is a 400 naming it. */
    static <E extends Enum<E> & WireEnum> E parseField(Class<E> type, String field, String value) {
        return find(type, value).orElseThrow(() -> new UnknownValue(wireNames(type)).at(field));
    }

    static <E extends Enum<E> & WireEnum> Optional<E> find(Class<E> type, String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(type.cast(WireNames.BY_TYPE.get(type).get(value)));
    }

    static <E extends Enum<E> & WireEnum> List<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toList();
    }

    /** A value that is no constant's wire name; the message lists the allowed ones. */
    final class UnknownValue extends IllegalArgumentException {

        UnknownValue(List<String> allowed) {
            super("must be one of " + String.join(", ", allowed));
        }

        /** The 400 for this value in the named field. */
        public Problem at(String field) {
            return Problem.invalid(field, getMessage());
        }
    }
}
