package io.cdiconnections.json.jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.cdiconnections.json.JsonValues;
import io.cdiconnections.json.JsonWritable;

/**
 * Writes a table ({@code io.cdiconnections.sql.Table}) with Jackson as an array of objects (see {@link JsonValues}). Named by
 * {@code @JsonSerialize} on {@code Table}, so every {@code ObjectMapper} uses it without a module.
 *
 * <pre>{@code
 * String json = new ObjectMapper().writeValueAsString(sql.query("select * from pets"));
 * }</pre>
 */
public class TableJacksonSerializer extends StdSerializer<JsonWritable> {

    private static final long serialVersionUID = 1L;

    /** Made by Jackson. */
    public TableJacksonSerializer() {
        super(JsonWritable.class);
    }

    /**
     * @param table     the table
     * @param generator where to write
     * @param provider  unused: every value is written here
     * @throws IOException when writing fails
     */
    @Override
    public void serialize(JsonWritable table, JsonGenerator generator, SerializerProvider provider) throws IOException {
        write(generator, table::writeJson);
    }

    /** Runs a write on a generator, its I/O errors thrown as they are. */
    static void write(JsonGenerator generator, java.util.function.Consumer<JsonValues.Sink> write) throws IOException {
        try {
            write.accept(new GeneratorSink(generator));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A Jackson generator as a {@link JsonValues.Sink}; I/O errors travel unchecked. */
    static final class GeneratorSink implements JsonValues.Sink {
        private final JsonGenerator g;

        GeneratorSink(JsonGenerator g) {
            this.g = g;
        }

        @FunctionalInterface
        private interface Write {
            void run() throws IOException;
        }

        private static void io(Write w) {
            try {
                w.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startArray() {
            io(g::writeStartArray);
        }

        @Override
        public void endArray() {
            io(g::writeEndArray);
        }

        @Override
        public void startObject() {
            io(g::writeStartObject);
        }

        @Override
        public void endObject() {
            io(g::writeEndObject);
        }

        @Override
        public void key(String name) {
            io(() -> g.writeFieldName(name));
        }

        @Override
        public void nullValue() {
            io(g::writeNull);
        }

        @Override
        public void value(boolean value) {
            io(() -> g.writeBoolean(value));
        }

        @Override
        public void value(long value) {
            io(() -> g.writeNumber(value));
        }

        @Override
        public void value(BigDecimal value) {
            io(() -> g.writeNumber(value));
        }

        @Override
        public void value(BigInteger value) {
            io(() -> g.writeNumber(value));
        }

        @Override
        public void value(String value) {
            io(() -> g.writeString(value));
        }
    }
}
