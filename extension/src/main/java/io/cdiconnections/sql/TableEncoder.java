package io.cdiconnections.sql;

import static io.cdiconnections.sql.TableFormat.*;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes a {@link Table} in {@link TableFormat}, and values in the same form (the parameters of a
 * shared cache key). A value of a type outside the format (a driver's own object, such as
 * PostgreSQL's {@code PGobject}) makes {@link Unencodable}: such a result is not shared.
 */
final class TableEncoder {

    /** A value of a type the format does not hold. */
    static final class Unencodable extends Exception {
        private static final long serialVersionUID = 1L;

        Unencodable(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    private static final Map<Class<?>, Byte> TAGS = Map.ofEntries(Map.entry(String.class, STRING),
            Map.entry(Integer.class, INT), Map.entry(Long.class, LONG), Map.entry(Short.class, SHORT),
            Map.entry(Byte.class, BYTE), Map.entry(Double.class, DOUBLE), Map.entry(Float.class, FLOAT),
            Map.entry(Boolean.class, TRUE), Map.entry(BigDecimal.class, DECIMAL),
            Map.entry(BigInteger.class, BIG_INTEGER), Map.entry(byte[].class, BYTES),
            Map.entry(java.util.UUID.class, UUID), Map.entry(java.sql.Date.class, SQL_DATE),
            Map.entry(Time.class, SQL_TIME), Map.entry(Timestamp.class, TIMESTAMP),
            Map.entry(java.util.Date.class, UTIL_DATE), Map.entry(LocalDate.class, LOCAL_DATE),
            Map.entry(LocalTime.class, LOCAL_TIME), Map.entry(LocalDateTime.class, LOCAL_DATE_TIME),
            Map.entry(OffsetDateTime.class, OFFSET_DATE_TIME), Map.entry(Instant.class, INSTANT),
            Map.entry(OffsetTime.class, OFFSET_TIME), Map.entry(ZonedDateTime.class, ZONED_DATE_TIME),
            Map.entry(Character.class, CHARACTER), Map.entry(int.class, INT), Map.entry(long.class, LONG),
            Map.entry(short.class, SHORT), Map.entry(double.class, DOUBLE), Map.entry(float.class, FLOAT),
            Map.entry(boolean.class, TRUE), Map.entry(char.class, CHARACTER));

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    TableEncoder(int sizeHint) {
        bytes = new ByteArrayOutputStream(sizeHint);
        out = new DataOutputStream(bytes);
    }

    /**
     * @param table a result
     * @return its bytes
     * @throws Unencodable when a value's type is outside the format
     */
    static byte[] encode(Table table) throws Unencodable {
        TableEncoder e = new TableEncoder((int) Math.min(1 << 20, table.estimatedBytes() / 2));
        try {
            e.out.write(MAGIC);
            e.out.writeByte(VERSION);
            e.varint(table.columns().size());
            for (Column c : table.columns()) {
                e.string(c.name());
                e.out.writeInt(c.sqlType());
                e.string(c.typeName());
            }
            e.varint(table.size());
            for (Object[] row : table.data()) {
                for (Object v : row) {
                    e.value(v);
                }
            }
            return e.finish();
        } catch (IOException impossible) { // a ByteArrayOutputStream throws none
            throw new UncheckedIOException(impossible);
        }
    }

    /** @return what was written so far */
    byte[] bytes() {
        return bytes.toByteArray();
    }

    /** @return what was written, and its checksum */
    byte[] finish() throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    /** Writes one value: its tag and bytes. */
    void value(Object v) throws IOException, Unencodable {
        if (v == null) {
            out.writeByte(NULL);
            return;
        }
        Byte tag = TAGS.get(v.getClass());
        if (tag == null) {
            if (v instanceof Object[] array) {
                out.writeByte(ARRAY);
                component(array.getClass().getComponentType(), 1);
                varint(array.length);
                for (Object element : array) {
                    value(element);
                }
                return;
            }
            if (v.getClass().isArray()) {
                primitives(v);
                return;
            }
            throw new Unencodable(v.getClass());
        }
        if (tag == TRUE) {
            out.writeByte((Boolean) v ? TRUE : FALSE);
            return;
        }
        out.writeByte(tag);
        scalar(tag, v);
    }

    private void scalar(byte tag, Object v) throws IOException {
        switch (tag) {
            case STRING -> string((String) v);
            case INT -> out.writeInt((Integer) v);
            case LONG -> out.writeLong((Long) v);
            case SHORT -> out.writeShort((Short) v);
            case BYTE -> out.writeByte((Byte) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case FLOAT -> out.writeFloat((Float) v);
            case DECIMAL -> {
                out.writeInt(((BigDecimal) v).scale());
                blob(((BigDecimal) v).unscaledValue().toByteArray());
            }
            case BIG_INTEGER -> blob(((BigInteger) v).toByteArray());
            case BYTES -> blob((byte[]) v);
            case UUID -> {
                out.writeLong(((java.util.UUID) v).getMostSignificantBits());
                out.writeLong(((java.util.UUID) v).getLeastSignificantBits());
            }
            case SQL_DATE, SQL_TIME, UTIL_DATE -> out.writeLong(((java.util.Date) v).getTime());
            case TIMESTAMP -> instant(((Timestamp) v).toInstant());
            case LOCAL_DATE -> out.writeLong(((LocalDate) v).toEpochDay());
            case LOCAL_TIME -> out.writeLong(((LocalTime) v).toNanoOfDay());
            case LOCAL_DATE_TIME -> dateTime((LocalDateTime) v);
            case OFFSET_DATE_TIME -> {
                dateTime(((OffsetDateTime) v).toLocalDateTime());
                out.writeInt(((OffsetDateTime) v).getOffset().getTotalSeconds());
            }
            case INSTANT -> instant((Instant) v);
            case OFFSET_TIME -> {
                out.writeLong(((OffsetTime) v).toLocalTime().toNanoOfDay());
                out.writeInt(((OffsetTime) v).getOffset().getTotalSeconds());
            }
            case ZONED_DATE_TIME -> {
                dateTime(((ZonedDateTime) v).toLocalDateTime());
                out.writeInt(((ZonedDateTime) v).getOffset().getTotalSeconds());
                string(((ZonedDateTime) v).getZone().getId());
            }
            case CHARACTER -> out.writeChar((Character) v);
            default -> throw new IllegalStateException("tag " + tag);
        }
    }

    /** The component type of an object array: a scalar's tag, NULL for Object, ARRAY and the next level. */
    private void component(Class<?> type, int depth) throws IOException, Unencodable {
        if (type == Object.class) {
            out.writeByte(NULL);
        } else if (type.isArray() && !type.getComponentType().isPrimitive() && depth < MAX_DEPTH) {
            out.writeByte(ARRAY);
            component(type.getComponentType(), depth + 1);
        } else if (TAGS.containsKey(type) && !type.isPrimitive()) {
            out.writeByte(TAGS.get(type));
        } else {
            throw new Unencodable(type);
        }
    }

    private void primitives(Object array) throws IOException, Unencodable {
        Class<?> type = array.getClass().getComponentType();
        Byte tag = TAGS.get(type);
        if (tag == null) {
            throw new Unencodable(array.getClass());
        }
        int n = java.lang.reflect.Array.getLength(array);
        out.writeByte(PRIMITIVE_ARRAY);
        out.writeByte(tag);
        varint(n);
        for (int i = 0; i < n; i++) {
            switch (tag) {
                case INT -> out.writeInt(((int[]) array)[i]);
                case LONG -> out.writeLong(((long[]) array)[i]);
                case SHORT -> out.writeShort(((short[]) array)[i]);
                case DOUBLE -> out.writeDouble(((double[]) array)[i]);
                case FLOAT -> out.writeFloat(((float[]) array)[i]);
                case TRUE -> out.writeBoolean(((boolean[]) array)[i]);
                default -> out.writeChar(((char[]) array)[i]);
            }
        }
    }

    private void dateTime(LocalDateTime v) throws IOException {
        out.writeLong(v.toLocalDate().toEpochDay());
        out.writeLong(v.toLocalTime().toNanoOfDay());
    }

    private void instant(Instant v) throws IOException {
        out.writeLong(v.getEpochSecond());
        out.writeInt(v.getNano());
    }

    void string(String s) throws IOException {
        blob(s.getBytes(StandardCharsets.UTF_8));
    }

    private void blob(byte[] b) throws IOException {
        varint(b.length);
        out.write(b);
    }

    void varint(int n) throws IOException {
        int v = n;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }
}
