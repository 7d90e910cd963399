package io.hallway.common;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each wire enum's constants by wire name, made once per type: {@link WireEnum#find} runs for every stored value
 * read, such as each field's visibility on every profile card shown.
 */
final class WireNames {

    static final ClassValue<Map<String, Object>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .collect(Collectors.toUnmodifiableMap(constant -> ((WireEnum) constant).wireName(), Function.identity()));
        }
    };

    private WireNames() {
    }
}
