package io.cdiconnections.json;

import java.math.BigDecimal;
import java.math.BigInteger;

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
        table.writeJson(new GeneratorSink(generator));
    }

    /** A JSON-P generator as a {@link JsonValues.Sink}. */
    static final class GeneratorSink implements JsonValues.Sink {
        private final JsonGenerator g;

        GeneratorSink(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void startArray() {
            g.writeStartArray();
        }

        @Override
        public void endArray() {
            g.writeEnd();
        }

        @Override
        public void startObject() {
            g.writeStartObject();
        }

        @Override
        public void endObject() {
            g.writeEnd();
        }

        @Override
        public void key(String name) {
            g.writeKey(name);
        }

        @Override
        public void nullValue() {
            g.writeNull();
        }

        @Override
        public void value(boolean value) {
            g.write(value);
        }

        @Override
        public void value(long value) {
            g.write(value);
        }

        @Override
        public void value(BigDecimal value) {
            g.write(value);
        }

        @Override
        public void value(BigInteger value) {
            g.write(value);
        }

        @Override
        public void value(String value) {
            g.write(value);
        }
    }
}
