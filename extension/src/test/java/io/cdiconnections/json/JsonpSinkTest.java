package io.cdiconnections.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.junit.jupiter.api.Test;

/** Keys held for their values write the same text as JSON-P's writeKey, for every kind of value, nested too. */
class JsonpSinkTest {

    @Test
    void everyKindOfValueUnderAKeyAndInArraysWritesWhatWriteKeyWrites() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner", List.of(1, "two", Map.of("deep", true)));
        nested.put("none", null);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("nothing", null);
        row.put("text", "a \"quoted\" \\ text\n");
        row.put("yes", true);
        row.put("small", 42);
        row.put("negative", -7L);
        row.put("minInt", (long) Integer.MIN_VALUE);
        row.put("maxInt", Integer.MAX_VALUE);
        row.put("large", Long.MAX_VALUE);
        row.put("justOverInt", Integer.MAX_VALUE + 1L);
        row.put("decimal", new BigDecimal("12345678901234.1234567890"));
        row.put("integer", new BigInteger("123456789012345678901234567890"));
        row.put("nan", Double.NaN);
        row.put("bytes", new byte[] {1, 2, (byte) 0xff});
        row.put("ints", new int[] {3, 4});
        row.put("emptyList", List.of());
        row.put("map", nested);
        row.put("at", java.sql.Timestamp.valueOf("2024-01-02 03:04:05.12"));

        String expected = "{\"nothing\":null,\"text\":\"a \\\"quoted\\\" \\\\ text\\n\",\"yes\":true,\"small\":42,"
                + "\"negative\":-7,\"minInt\":-2147483648,\"maxInt\":2147483647,\"large\":9223372036854775807,"
                + "\"justOverInt\":2147483648,\"decimal\":12345678901234.1234567890,"
                + "\"integer\":123456789012345678901234567890,\"nan\":\"NaN\",\"bytes\":\"AQL/\",\"ints\":[3,4],"
                + "\"emptyList\":[],\"map\":{\"inner\":[1,\"two\",{\"deep\":true}],\"none\":null},"
                + "\"at\":\"2024-01-02T03:04:05.12\"}";
        assertThat(write(row, true)).isEqualTo(expected);
        assertThat(write(row, false)).as("through writeKey, as before").isEqualTo(expected);
        assertThat(write(List.of(row, List.of(Long.MAX_VALUE, 5)), true)).isEqualTo("[" + expected + ",[9223372036854775807,5]]");
    }

    /** Writes a value through our sink or through one that calls writeKey for every key. */
    private static String write(Object value, boolean held) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(text)) {
            JsonValues.writeValue(value, held ? new JsonpSink(g) : new KeyFirst(g));
        }
        return text.toString();
    }

    /** The plain way: each key written by itself. */
    private record KeyFirst(JsonGenerator g) implements JsonValues.Sink {
        public void startArray() {
            g.writeStartArray();
        }

        public void endArray() {
            g.writeEnd();
        }

        public void startObject() {
            g.writeStartObject();
        }

        public void endObject() {
            g.writeEnd();
        }

        public void key(String name) {
            g.writeKey(name);
        }

        public void nullValue() {
            g.writeNull();
        }

        public void value(boolean v) {
            g.write(v);
        }

        public void value(long v) {
            g.write(v);
        }

        public void value(BigDecimal v) {
            g.write(v);
        }

        public void value(BigInteger v) {
            g.write(v);
        }

        public void value(String v) {
            g.write(v);
        }
    }
}
