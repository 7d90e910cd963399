package io.hallway.common;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link WireEnum} by its wire name, so the column reads as the API does. An enum that is a column
 * declares {@code @Converter(autoApply = true) static class Column extends WireNameConverter<ItsType>}.
 */
public abstract class WireNameConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireNameConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : WireEnum.parse(type, value);
    }
}
