package io.cdiconnections.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Values in and out of JDBC: what a result column holds once the connection is gone, and the
 * conversions {@link Table#as(Class)} and {@link Row#get(String, Class)} make.
 */
final class Values {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, short.class, Short.class, byte.class, Byte.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private Values() {
    }

    /**
     * @param value what {@code ResultSet.getObject} returned
     * @return a value that stays readable after the connection is closed
     * @throws SQLException when reading a large object fails
     */
    static Object detach(Object value) throws SQLException {
        if (isPlain(value)) {
            return value;
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } finally {
                clob.free();
            }
        }
        if (value instanceof Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } finally {
                blob.free();
            }
        }
        if (value instanceof Array array) {
            try {
                return array.getArray();
            } finally {
                array.free();
            }
        }
        if (value instanceof SQLXML xml) {
            try {
                return xml.getString();
            } finally {
                xml.free();
            }
        }
        return value;
    }

    /**
     * The values nearly every column holds, recognised by class tests alone. Four failed
     * {@code instanceof} tests against the large-object interfaces cost 50 ns a value on
     * HotSpot 17, which made reading 100 rows of 5 columns four times slower than the query
     * (docs/performance.md, row 3); a class test is a pointer compare.
     */
    private static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof byte[] || value instanceof UUID
                || value instanceof LocalDateTime || value instanceof LocalDate || value instanceof OffsetDateTime
                || value instanceof LocalTime || value instanceof Instant;
    }

    /**
     * @param value a parameter value given by the caller
     * @return what to hand to {@code PreparedStatement.setObject}
     */
    static Object toJdbc(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof Character ch) {
            return ch.toString();
        }
        return value;
    }

    /** @return whether {@code type} is a single value rather than a record or bean */
    static boolean isScalar(Class<?> type) {
        return type.isPrimitive() || BOXES.containsValue(type) || type == String.class || type == Object.class
                || Number.class.isAssignableFrom(type) || type.isEnum() || type == UUID.class || type == byte[].class
                || type.getName().startsWith("java.time.") || type.getName().startsWith("java.sql.");
    }

    /**
     * @param type a type
     * @return its box when it is primitive, else itself
     */
    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /**
     * @param value  a column value, not null
     * @param target the type wanted
     * @return the value converted, or empty when no conversion applies
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<Object> convert(Object value, Class<?> target) {
        Class<?> t = boxed(target);
        if (t.isInstance(value)) {
            return Optional.of(value);
        }
        if (t == String.class) {
            return Optional.of(value instanceof byte[] ? new String((byte[]) value, java.nio.charset.StandardCharsets.UTF_8)
                    : value.toString());
        }
        if (value instanceof Number n) {
            return number(n, t);
        }
        if (value instanceof Boolean b && Number.class.isAssignableFrom(t)) {
            return number(b ? 1 : 0, t);
        }
        if (t.isEnum() && value instanceof String s) {
            for (Object constant : t.getEnumConstants()) {
                if (((Enum) constant).name().equalsIgnoreCase(s.trim())) {
                    return Optional.of(constant);
                }
            }
            return Optional.empty();
        }
        if (t == UUID.class && value instanceof String s) {
            try {
                return Optional.of(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (t == Character.class && value instanceof String s && s.length() == 1) {
            return Optional.of(s.charAt(0));
        }
        return temporal(value, t);
    }

    private static Optional<Object> number(Number n, Class<?> t) {
        Object r = null;
        if (t == Integer.class) {
            r = n.intValue();
        } else if (t == Long.class) {
            r = n.longValue();
        } else if (t == Double.class) {
            r = n.doubleValue();
        } else if (t == Float.class) {
            r = n.floatValue();
        } else if (t == Short.class) {
            r = n.shortValue();
        } else if (t == Byte.class) {
            r = n.byteValue();
        } else if (t == BigDecimal.class) {
            r = n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
        } else if (t == BigInteger.class) {
            r = n instanceof BigDecimal bd ? bd.toBigInteger() : BigInteger.valueOf(n.longValue());
        } else if (t == Boolean.class) {
            r = n.doubleValue() != 0;
        }
        return Optional.ofNullable(r);
    }

    private static Optional<Object> temporal(Object value, Class<?> t) {
        // the instant is made only for the types that need it, not for every Timestamp mapped to a
        // LocalDateTime (issue 16: per cell of Table.as)
        LocalDateTime ldt;
        Instant instant = null;
        if (value instanceof Timestamp ts) {
            ldt = ts.toLocalDateTime();
            if (t == Instant.class || t == OffsetDateTime.class) {
                instant = ts.toInstant();
            }
        } else if (value instanceof LocalDateTime l) {
            ldt = l;
            if (t == Instant.class || t == OffsetDateTime.class) {
                instant = l.atZone(ZoneId.systemDefault()).toInstant();
            }
        } else if (value instanceof OffsetDateTime o) {
            ldt = o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
            instant = o.toInstant();
        } else if (value instanceof java.sql.Date d && t == LocalDate.class) {
            return Optional.of(d.toLocalDate());
        } else if (value instanceof Time time && t == LocalTime.class) {
            return Optional.of(time.toLocalTime());
        } else {
            return Optional.empty();
        }
        if (t == LocalDateTime.class) {
            return Optional.of(ldt);
        }
        if (t == Instant.class) {
            return Optional.of(instant);
        }
        if (t == OffsetDateTime.class) {
            return Optional.of(instant.atOffset(ZoneOffset.UTC));
        }
        if (t == LocalDate.class) {
            return Optional.of(ldt.toLocalDate());
        }
        if (t == LocalTime.class) {
            return Optional.of(ldt.toLocalTime());
        }
        return Optional.empty();
    }

    /** @return the simple name of a value's type, for messages */
    static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /**
     * @param v a value of a {@link Table}
     * @return the bytes it holds, estimated: a string by its length, an array by its elements,
     *         other values by a usual object size
     */
    static long estimatedBytes(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof String s) {
            return 48 + 2L * s.length();
        }
        if (v instanceof byte[] b) {
            return 16 + b.length;
        }
        if (v instanceof char[] c) {
            return 16 + 2L * c.length;
        }
        if (v instanceof Object[] array) {
            long bytes = 16 + 8L * array.length;
            for (Object element : array) {
                bytes += estimatedBytes(element);
            }
            return bytes;
        }
        if (v.getClass().isArray()) {
            return 16 + 8L * java.lang.reflect.Array.getLength(v);
        }
        if (v instanceof java.math.BigDecimal d) {
            return 64 + d.unscaledValue().bitLength() / 8;
        }
        if (v instanceof java.math.BigInteger i) {
            return 48 + i.bitLength() / 8;
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof java.time.temporal.Temporal
                || v instanceof java.util.Date || v instanceof java.util.UUID || v instanceof Enum<?>) {
            return 32; // fixed size, without asking for text
        }
        if (v instanceof QueryCache.Typed t) {
            return 16 + estimatedBytes(t.value());
        }
        if (v instanceof java.util.Collection<?> many) {
            long bytes = 16 + 8L * many.size();
            for (Object element : many) {
                bytes += estimatedBytes(element);
            }
            return bytes;
        }
        if (v instanceof java.util.Map<?, ?> map) {
            long bytes = 48;
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                bytes += 32 + estimatedBytes(e.getKey()) + estimatedBytes(e.getValue());
            }
            return bytes;
        }
        // a driver's own value (pgjdbc's PGobject for json, jsonb, xml, intervals): as large as its text
        return 32 + 2L * String.valueOf(v).length();
    }
}
