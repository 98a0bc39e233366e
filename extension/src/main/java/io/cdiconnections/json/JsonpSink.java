package io.cdiconnections.json;

import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.json.stream.JsonGenerator;


/**
 * A JSON-P generator as a {@link JsonValues.Sink}: what the JSON-B serializers and the JAX-RS
 * writer ({@code .jaxrs}) write a {@code Table} or a {@code Row} through, and what an application
 * writing its own JSON-P hands to {@link JsonWritable#writeJson}:
 *
 * <pre>{@code
 * try (JsonGenerator g = Json.createGenerator(out)) {
 *     sql.query("select * from pets").writeJson(new JsonpSink(g));
 * }
 * }</pre>
 *
 * A key is held
 * until its value comes and written with it ({@code write(name, value)}): a generator's
 * {@code writeKey} opens a field context for the one value that follows (an object and a push
 * in Parsson, a check more in Yasson's wrapper), which a {@code Table}'s every value would pay.
 * An integral number that fits an {@code int} goes as one, which Parsson writes without making
 * a string. The text is the same either way.
 */
public final class JsonpSink implements JsonValues.Sink {
    private final JsonGenerator g;
    /** The key of the next value, or null when the next value has none (in an array). */
    private String key;

    /** @param g the generator to write to; this sink neither flushes nor closes it */
    public JsonpSink(JsonGenerator g) {
        this.g = g;
    }

    /** @return the pending key, now written: null when there is none */
    private String takeKey() {
        String k = key;
        key = null;
        return k;
    }

    @Override
    public void startArray() {
        String k = takeKey();
        if (k == null) {
            g.writeStartArray();
        } else {
            g.writeStartArray(k);
        }
    }

    @Override
    public void endArray() {
        g.writeEnd();
    }

    @Override
    public void startObject() {
        String k = takeKey();
        if (k == null) {
            g.writeStartObject();
        } else {
            g.writeStartObject(k);
        }
    }

    @Override
    public void endObject() {
        g.writeEnd();
    }

    @Override
    public void key(String name) {
        key = name;
    }

    @Override
    public void nullValue() {
        String k = takeKey();
        if (k == null) {
            g.writeNull();
        } else {
            g.writeNull(k);
        }
    }

    @Override
    public void value(boolean value) {
        String k = takeKey();
        if (k == null) {
            g.write(value);
        } else {
            g.write(k, value);
        }
    }

    @Override
    public void value(long value) {
        String k = takeKey();
        int small = (int) value;
        if (small != value) {
            if (k == null) {
                g.write(value);
            } else {
                g.write(k, value);
            }
        } else if (k == null) {
            g.write(small);
        } else {
            g.write(k, small);
        }
    }

    @Override
    public void value(BigDecimal value) {
        String k = takeKey();
        if (k == null) {
            g.write(value);
        } else {
            g.write(k, value);
        }
    }

    @Override
    public void value(BigInteger value) {
        String k = takeKey();
        if (k == null) {
            g.write(value);
        } else {
            g.write(k, value);
        }
    }

    @Override
    public void value(String value) {
        String k = takeKey();
        if (k == null) {
            g.write(value);
        } else {
            g.write(k, value);
        }
    }
}
