package org.zhucan.common.graphql;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlResponseJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    /** Whatever a response holds, the bytes are the ones the application's JsonMapper would write. */
    @Test
    void shouldWriteWhatJacksonWrites() throws Exception {
        Map<String, Object> dish = new LinkedHashMap<>();
        dish.put("id", "42");
        dish.put("name", "清蒸鱼 \"特价\"\n\u2028");
        dish.put("tags", List.of("LOW_SALT", "SOFT"));
        dish.put("allergens", List.of());
        dish.put("saltGrams", null);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("price", "8.00");
        item.put("quantity", 3);
        item.put("count", 12_345_678_901L);
        item.put("big", new BigInteger("123456789012345678901234567890"));
        item.put("ratio", 0.25d);
        item.put("exact", new BigDecimal("12.50"));
        item.put("fitsDiet", Boolean.TRUE);
        item.put("dish", dish);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Internal error; reference x");
        error.put("locations", List.of(Map.of("line", 2, "column", 3)));
        error.put("path", Arrays.asList("sites", 0, "menu"));
        // an error's extensions may hold any object: left to the mapper
        error.put("extensions", Map.of("classification", MediaType.APPLICATION_JSON, "kind", Thread.State.RUNNABLE, "share", 1.5f));
        List<Object> items = new ArrayList<>(List.of(item));
        items.add(null);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("errors", List.of(error));
        response.put("data", Map.of("menu", Map.of("items", items)));

        assertThat(written(response)).isEqualTo(json.writeValueAsString(response));
        assertThat(written(Map.of())).isEqualTo("{}");
    }

    private String written(Object response) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new GraphQlResponseJson.Converter(json).write(response, MediaType.APPLICATION_JSON, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        });
        return body.toString(StandardCharsets.UTF_8);
    }
}
