package io.cdiconnections.json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;


/**
 * How a value of a result looks in JSON, whatever the JSON library (a {@code Table} is an array
 * of objects, one per row, keys the column names in column order, a repeated name written once
 * with its first value; see {@link JsonWritable}). Values: SQL NULL as {@code null}; numbers exact ({@code BigDecimal} and {@code BigInteger} as
 * written, never through {@code double}; NaN and infinities as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}); dates and times as ISO-8601 strings
 * ({@code java.sql.Timestamp} as a local date-time, {@code java.sql.Date} as a date,
 * {@code java.sql.Time} as a time, {@code java.util.Date} as an instant); {@code byte[]} as
 * base64; SQL arrays as JSON arrays; anything else as its {@code toString()}.
 *
 * <p>The JSON-B and Jackson serializers of this library share it, through {@link Sink}.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * What the serializers write to: the few calls of a streaming JSON generator.
     */
    public interface Sink {
        /** Starts an array. */
        void startArray();

        /** Ends an array. */
        void endArray();

        /** Starts an object. */
        void startObject();

        /** Ends an object. */
        void endObject();

        /** @param name the key of the next value in an object */
        void key(String name);

        /** Writes null. */
        void nullValue();

        /** @param value a boolean */
        void value(boolean value);

        /** @param value an integral number */
        void value(long value);

        /** @param value an exact decimal */
        void value(BigDecimal value);

        /** @param value an exact integer */
        void value(BigInteger value);

        /** @param value a string */
        void value(String value);
    }

    /**
     * @param value a value of a result column, or of an array inside one
     * @param out   where to write it
     */
    public static void writeValue(Object value, Sink out) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String s) { // the commonest value first: it would meet every other test
            out.value(s);
        } else if (value instanceof Boolean b) {
            out.value(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.value(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            out.value(d);
        } else if (value instanceof BigInteger i) {
            out.value(i);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                out.value(value instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d));
            } else {
                out.value(String.valueOf(d));
            }
        } else if (value instanceof byte[] bytes) {
            out.value(Base64.getEncoder().encodeToString(bytes));
        } else if (value.getClass().isArray()) {
            out.startArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                writeValue(Array.get(value, i), out);
            }
            out.endArray();
        } else if (value instanceof Iterable<?> items) {
            out.startArray();
            items.forEach(item -> writeValue(item, out));
            out.endArray();
        } else if (value instanceof Map<?, ?> map) {
            out.startObject();
            map.forEach((k, v) -> {
                out.key(String.valueOf(k));
                writeValue(v, out);
            });
            out.endObject();
        } else {
            out.value(text(value));
        }
    }

    /**
     * @param value a value that JSON has no type for
     * @return its text: ISO-8601 for dates and times, {@code toString()} for the rest
     */
    static String text(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return IsoText.timestamp(t);
        } else if (value instanceof java.sql.Date d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d.toLocalDate());
        } else if (value instanceof java.sql.Time t) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(t.toLocalTime());
        } else if (value instanceof java.util.Date d) {
            return DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
        } else if (value instanceof LocalDateTime t) {
            return IsoText.localDateTime(t);
        } else if (value instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        } else if (value instanceof LocalTime t) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
        } else if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        } else if (value instanceof ZonedDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        } else if (value instanceof OffsetTime t) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format(t);
        } else if (value instanceof Instant i) {
            return DateTimeFormatter.ISO_INSTANT.format(i);
        }
        return value.toString();
    }
}
