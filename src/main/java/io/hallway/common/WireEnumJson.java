package io.hallway.common;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads every {@link WireEnum} from JSON by its wire name, so no enum needs a creator of its own. An unknown name
 * is a {@link WireEnum.UnknownValue}, which Jackson hands on with the property's path for {@link Problems} to name.
 */
@Singleton
class WireEnumJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("wire-enums") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new Deserializers.Base() {
                    @Override
                    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                            BeanDescription description) {
                        return WireEnum.class.isAssignableFrom(type) ? new ByWireName(type) : null;
                    }
                });
            }
        });
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
