package io.cdiconnections.json.jackson;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.cdiconnections.json.JsonValues;
import io.cdiconnections.json.JsonWritable;

/**
 * Writes one row ({@code io.cdiconnections.sql.Row}) with Jackson as an object, column names to values (see
 * {@link JsonValues}). Named by {@code @JsonSerialize} on {@code Row}.
 */
public class RowJacksonSerializer extends StdSerializer<JsonWritable> {

    private static final long serialVersionUID = 1L;

    /** Made by Jackson. */
    public RowJacksonSerializer() {
        super(JsonWritable.class);
    }

    /**
     * @param row       the row
     * @param generator where to write
     * @param provider  unused: every value is written here
     * @throws IOException when writing fails
     */
    @Override
    public void serialize(JsonWritable row, JsonGenerator generator, SerializerProvider provider) throws IOException {
        TableJacksonSerializer.write(generator, row::writeJson);
    }
}
