package io.hallway.common;

import java.io.IOException;
import java.time.temporal.Temporal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads JSON as it was written, so bad input is refused instead of quietly becoming another value:
 * <ul>
 * <li>every {@link WireEnum} by its wire name, so no enum needs a creator of its own. An unknown name is a
 * {@link WireEnum.UnknownValue}, which Jackson hands on with the property's path for {@link Problems} to name;</li>
 * <li>a value only as its own JSON type: no number as text ({@code "name": 123}), no fraction or text as a whole
 * number ({@code "roomId": 1.9} would land in room 1), no number or text as true/false, and no empty string as
 * a time, where it would read as left out (an announcement without a start starts now). An empty string is no
 * enum's wire name, so it is refused as unknown. A time is only text: a number would be read as seconds since
 * 1970.</li>
 * <li>one value per body: anything after it ({@code {"rating": 3} garbage}, a second object) is refused, not
 * ignored.</li>
 * <li>text PostgreSQL can store: a NUL character or half of a surrogate pair (which the driver would store as
 * "?") is an {@link UnstorableText}, handed on with the property's path for {@link Problems} to name.</li>
 * </ul>
 * Our own stored JSON is written by this mapper, so it reads back under the same rules. Imported documents are
 * read as trees, which no coercion or text check applies to; content after one is refused there too.
 */
@Singleton
class StrictWireJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // a built mapper has no other way to change a MapperFeature
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-wire-json") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new Deserializers.Base() {
                    @Override
                    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                            BeanDescription description) {
                        return WireEnum.class.isAssignableFrom(type) ? new ByWireName(type) : null;
                    }

                    @Override
                    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                            BeanDescription description) {
                        return type.hasRawClass(String.class) ? new StorableText() : null;
                    }
                });
                context.addBeanDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new TextOnly(deserializer)
                                : deserializer;
                    }
                });
            }
        });
    }

    /** Hands a value on only when it is a JSON string. */
    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }

    private static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            return text == null ? null : storable(text);
        }

        private static String storable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\0') {
                    throw new UnstorableText("must not contain the NUL character (\\u0000)");
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new UnstorableText("must be valid Unicode: \\u" + Integer.toHexString(c)
                            + " is half of a surrogate pair");
                }
            }
            return text;
        }
    }

    /** Text a request may not hold because it cannot be stored as it was sent; the message says why. */
    static final class UnstorableText extends IllegalArgumentException {

        UnstorableText(String message) {
            super(message);
        }
    }

    private static final class ByWireName extends StdScalarDeserializer<Object> {

        private final Class<?> type;

        ByWireName(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        @SuppressWarnings({ "unchecked", "rawtypes" })
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            return WireEnum.parse((Class) type, parser.getText());
        }
    }
}
