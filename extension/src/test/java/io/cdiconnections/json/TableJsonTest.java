package io.cdiconnections.json;

import static org.assertj.core.api.Assertions.assertThat;


import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/** A Table as JSON with JSON-B (Yasson) and Jackson: the same text from both. */
class TableJsonTest {

    private static final String ROWS = "["
            + "{\"ID\":1,\"NAME\":\"Rex\",\"PRICE\":12345678901234.1234567890,\"BIG\":9223372036854775807,"
            + "\"RATIO\":0.25,\"OK\":true,\"BORN\":\"2019-04-01\",\"AT\":\"2024-01-02T03:04:00\","
            + "\"AT_TZ\":\"2024-01-02T03:04:05.123+02:00\",\"WAKES\":\"07:30:00\",\"PHOTO\":\"AQL/\","
            + "\"TAGS\":[\"a\",\"b\"],\"UID\":\"123e4567-e89b-12d3-a456-426614174000\"},"
            + "{\"ID\":2,\"NAME\":null,\"PRICE\":null,\"BIG\":null,\"RATIO\":null,\"OK\":null,\"BORN\":null,"
            + "\"AT\":null,\"AT_TZ\":null,\"WAKES\":null,\"PHOTO\":null,\"TAGS\":null,\"UID\":null}]";

    private static SQLConnection sql;
    private static Table table;

    @BeforeAll
    static void readTable() {
        sql = Pets.create("json_h2");
        table = sql.query("select * from pets order by id");
    }

    @AfterAll
    static void close() {
        sql.close();
    }

    @Test
    void jsonbWritesAnArrayOfObjectsWithExactValues() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertThat(jsonb.toJson(table)).isEqualTo(ROWS);
        }
    }

    @Test
    void jacksonWritesTheSameText() throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(table)).isEqualTo(ROWS);
    }

    public record Page(int page, Table rows) {
    }

    @Test
    void aTableInsideAnotherObjectAndASingleRow() throws Exception {
        Table one = sql.query("select id, name from pets where id = 1");
        String page = "{\"page\":3,\"rows\":[{\"ID\":1,\"NAME\":\"Rex\"}]}";
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertThat(jsonb.toJson(new Page(3, one))).isEqualTo(page);
            assertThat(jsonb.toJson(one.row(0))).isEqualTo("{\"ID\":1,\"NAME\":\"Rex\"}");
        }
        ObjectMapper jackson = new ObjectMapper();
        assertThat(jackson.writeValueAsString(new Page(3, one))).isEqualTo(page);
        assertThat(jackson.writeValueAsString(one.row(0))).isEqualTo("{\"ID\":1,\"NAME\":\"Rex\"}");
    }

    @Test
    void emptyTableAndRepeatedColumnNames() throws Exception {
        Table empty = sql.query("select id from pets where id < 0");
        Table twice = sql.query("select id as x, name as x from pets where id = 1");
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertThat(jsonb.toJson(empty)).isEqualTo("[]");
            assertThat(jsonb.toJson(twice)).isEqualTo("[{\"X\":1}]");
        }
        assertThat(new ObjectMapper().writeValueAsString(twice)).isEqualTo("[{\"X\":1}]");
    }

    @Test
    void valuesJsonHasNoTypeForBecomeText() {
        assertThat(JsonValues.text(java.time.ZonedDateTime.parse("2024-01-02T03:04:05+01:00[Europe/Paris]")))
                .isEqualTo("2024-01-02T03:04:05+01:00");
        assertThat(JsonValues.text(java.time.Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(JsonValues.text(new java.util.Date(0))).isEqualTo("1970-01-01T00:00:00Z");
    }
}
