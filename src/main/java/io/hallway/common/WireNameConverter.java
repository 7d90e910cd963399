package io.hallway.common;

import java.lang.reflect.ParameterizedType;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link WireEnum} by its wire name, so the column reads as the API does. The feature that keeps an enum
 * in a column declares, beside its entities, {@code @Converter(autoApply = true) static class ItsType extends
 * WireNameConverter<ItsType> {}}: the enum is read from that declaration.
 */
public abstract class WireNameConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    @SuppressWarnings("unchecked")
    protected WireNameConverter() {
        type = (Class<E>) ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
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
