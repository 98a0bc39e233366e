package io.cdiconnections.json;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;


/**
 * Writes a table ({@code io.cdiconnections.sql.Table}) with JSON-B as an array of objects (see {@link JsonValues}). Named by
 * {@code @JsonbTypeSerializer} on {@code Table}, so every JSON-B user, a JAX-RS resource that
 * returns a {@code Table} included, gets it without registering anything.
 *
 * <pre>{@code
 * String json = JsonbBuilder.create().toJson(sql.query("select * from pets"));
 * }</pre>
 */
public class TableJsonbSerializer implements JsonbSerializer<JsonWritable> {

    /** Made by JSON-B. */
    public TableJsonbSerializer() {
    }

    /**
     * @param table     the table
     * @param generator where to write
     * @param context   unused: every value is written here
     */
    @Override
    public void serialize(JsonWritable table, JsonGenerator generator, SerializationContext context) {
        table.writeJson(new JsonpSink(generator));
    }
}
