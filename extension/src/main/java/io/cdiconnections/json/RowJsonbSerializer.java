package io.cdiconnections.json;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import io.cdiconnections.sql.Row;

/**
 * Writes one {@link Row} with JSON-B as an object, column names to values (see
 * {@link JsonValues}). Named by {@code @JsonbTypeSerializer} on {@code Row}.
 */
public class RowJsonbSerializer implements JsonbSerializer<Row> {

    /** Made by JSON-B. */
    public RowJsonbSerializer() {
    }

    /**
     * @param row       the row
     * @param generator where to write
     * @param context   unused: every value is written here
     */
    @Override
    public void serialize(Row row, JsonGenerator generator, SerializationContext context) {
        JsonValues.writeRow(row, row.columns(), new TableJsonbSerializer.GeneratorSink(generator));
    }
}
