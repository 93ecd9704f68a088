package org.zhucan.common.graphql;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.StreamUtils;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GraphQL response (a tree of maps, lists, strings, numbers and booleans, as graphql-java
 * leaves it once every scalar is coerced) straight to the generator. Jackson's map serializer looks
 * up a serializer for every value's class, and for every nested map sets up a serializer of its own:
 * a profile of the mini-program's home screen found that lookup alone at about 8 % of the server's
 * CPU, and the whole serialization at 21 %. Anything else in the tree (an error's extensions may hold
 * any object) and every request body are left to the application's JsonMapper, as before.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlResponseJson {

    /** The GraphQL endpoint's handler, as Spring Boot would build it, with this writer for its responses. */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
        return new GraphQlHttpHandler(handler, new Converter(json));
    }

    static final class Converter extends JacksonJsonHttpMessageConverter {

        Converter(JsonMapper json) {
            super(json);
        }

        @Override
        protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output, Map<String, Object> hints) throws IOException {
            if (!(object instanceof Map<?, ?>)) {
                super.writeInternal(object, type, output, hints);
                return;
            }
            OutputStream body = StreamUtils.nonClosing(output.getBody());
            try (JsonGenerator generator = getMapper().createGenerator(body, JsonEncoding.UTF8)) {
                write(generator, object);
            }
        }

        private void write(JsonGenerator generator, Object value) {
            if (value == null) {
                generator.writeNull();
            } else if (value instanceof String text) {
                generator.writeString(text);
            } else if (value instanceof Map<?, ?> map) {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeName(String.valueOf(entry.getKey()));
                    write(generator, entry.getValue());
                }
                generator.writeEndObject();
            } else if (value instanceof List<?> list) {
                generator.writeStartArray();
                for (Object element : list) {
                    write(generator, element);
                }
                generator.writeEndArray();
            } else if (value instanceof Boolean bool) {
                generator.writeBoolean(bool);
            } else if (value instanceof Integer number) {
                generator.writeNumber(number);
            } else if (value instanceof Long number) {
                generator.writeNumber(number);
            } else if (value instanceof Double number) {
                generator.writeNumber(number);
            } else if (value instanceof BigDecimal number) {
                generator.writeNumber(number);
            } else if (value instanceof BigInteger number) {
                generator.writeNumber(number);
            } else {
                getMapper().writeValue(generator, value);
            }
        }
    }
}
