package io.cdiconnections.json;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;


/**
 * Writes one row ({@code io.cdiconnections.sql.Row}) with JSON-B as an object, column names to
 * values (see {@link JsonValues}). Named by {@code @JsonbTypeSerializer} on {@code Row}.
 */
public class RowJsonbSerializer implements JsonbSerializer<JsonWritable> {

    /** Made by JSON-B. */
    public RowJsonbSerializer() {
    }

    /**
     * @param row       the row
     * @param generator where to write
     * @param context   unused: every value is written here
     */
    @Override
    public void serialize(JsonWritable row, JsonGenerator generator, SerializationContext context) {
        row.writeJson(new JsonpSink(generator));
    }
}
