package io.cdiconnections.sql;

import static io.cdiconnections.sql.TableFormat.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a {@link Table} from {@link TableFormat}. Every count and length is checked against the
 * bytes left before anything is allocated for it (a value takes at least one byte), so a corrupt
 * or hostile entry fails with {@link TableFormatException}, never with an out-of-memory error.
 */
final class TableDecoder {

    private final ByteBuffer in;
    /** One per table: a decoder made per string cost more than the string (GridBenchmark). */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private TableDecoder(ByteBuffer in) {
        this.in = in;
    }

    /**
     * @param bytes what {@link TableEncoder#encode} wrote
     * @return the table
     * @throws TableFormatException when the bytes are not a table of this format and version
     */
    static Table decode(byte[] bytes) {
        return decode(bytes, 0);
    }

    /**
     * @param bytes what {@link TableEncoder#encode} wrote, after {@code from} bytes of something else
     * @param from  where the table starts
     * @return the table
     * @throws TableFormatException when the bytes are not a table of this format and version
     */
    static Table decode(byte[] bytes, int from) {
        if (bytes == null || bytes.length - from < MAGIC.length + 1 + 4) {
            throw new TableFormatException("not a cached table: " + (bytes == null ? "no" : bytes.length - from)
                    + " bytes, fewer than a header and checksum");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[from + i] != MAGIC[i]) {
                throw new TableFormatException("not a cached table: the bytes do not start with \"CDIT\"");
            }
        }
        if (bytes[from + MAGIC.length] != VERSION) {
            throw new TableFormatException("cached table of version " + (bytes[from + MAGIC.length] & 0xFF)
                    + ", this library reads version " + VERSION + " (another release of cdi-connections wrote it)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, bytes.length - from - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new TableFormatException("cached table is corrupt: its checksum does not match");
        }
        int body = from + MAGIC.length + 1;
        return new TableDecoder(ByteBuffer.wrap(bytes, body, bytes.length - body - 4)).table();
    }

    private Table table() {
        try {
            int n = count(6); // a column takes at least 6 bytes: two empty strings and a type code
            List<Column> columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                columns.add(new Column(string(), in.getInt(), string()));
            }
            int rows = count(0);
            if (n > 0 && (long) rows * n > in.remaining()) {
                throw corrupt(rows + " rows of " + n + " columns cannot fit in " + in.remaining() + " bytes");
            }
            List<Object[]> data = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                Object[] values = new Object[n];
                for (int c = 0; c < n; c++) {
                    values[c] = value(in.get(), 0);
                }
                data.add(values);
            }
            if (in.hasRemaining()) {
                throw corrupt(in.remaining() + " bytes after the last row");
            }
            return Table.of(columns, data);
        } catch (java.nio.BufferUnderflowException e) {
            throw corrupt("it ends in the middle of a value");
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            throw new TableFormatException("cached table is corrupt: " + e.getMessage(), e);
        }
    }

    private Object value(byte tag, int depth) {
        return switch (tag) {
            case NULL -> null;
            case STRING -> string();
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case SHORT -> in.getShort();
            case BYTE -> in.get();
            case DOUBLE -> in.getDouble();
            case FLOAT -> in.getFloat();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case DECIMAL -> {
                int scale = in.getInt();
                yield new BigDecimal(new BigInteger(blob()), scale);
            }
            case BIG_INTEGER -> new BigInteger(blob());
            case BYTES -> blob();
            case UUID -> new java.util.UUID(in.getLong(), in.getLong());
            case SQL_DATE -> new java.sql.Date(in.getLong());
            case SQL_TIME -> new Time(in.getLong());
            case UTIL_DATE -> new java.util.Date(in.getLong());
            case TIMESTAMP -> Timestamp.from(instant());
            case LOCAL_DATE -> LocalDate.ofEpochDay(in.getLong());
            case LOCAL_TIME -> LocalTime.ofNanoOfDay(in.getLong());
            case LOCAL_DATE_TIME -> dateTime();
            case OFFSET_DATE_TIME -> OffsetDateTime.of(dateTime(), ZoneOffset.ofTotalSeconds(in.getInt()));
            case INSTANT -> instant();
            case OFFSET_TIME -> OffsetTime.of(LocalTime.ofNanoOfDay(in.getLong()),
                    ZoneOffset.ofTotalSeconds(in.getInt()));
            case ZONED_DATE_TIME -> zoned();
            case CHARACTER -> in.getChar();
            case ARRAY -> array(depth);
            case PRIMITIVE_ARRAY -> primitives();
            default -> throw corrupt("unknown value tag " + tag);
        };
    }

    /** The local date-time, then the offset, then the zone, as the encoder wrote them. */
    private ZonedDateTime zoned() {
        LocalDateTime local = dateTime();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.getInt());
        return ZonedDateTime.ofLocal(local, ZoneId.of(string()), offset);
    }

    private Object array(int depth) {
        if (depth >= MAX_DEPTH) {
            throw corrupt("arrays nested deeper than " + MAX_DEPTH);
        }
        Class<?> component = component(in.get(), depth + 1);
        int n = count(1);
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(component, n);
        for (int i = 0; i < n; i++) {
            Object element = value(in.get(), depth + 1);
            if (element != null && !component.isInstance(element)) {
                throw corrupt("a " + element.getClass().getSimpleName() + " in an array of " + component.getSimpleName());
            }
            array[i] = element;
        }
        return array;
    }

    private Class<?> component(byte tag, int depth) {
        if (tag == ARRAY) {
            if (depth >= MAX_DEPTH) {
                throw corrupt("arrays nested deeper than " + MAX_DEPTH);
            }
            return component(in.get(), depth + 1).arrayType();
        }
        return switch (tag) {
            case NULL -> Object.class;
            case STRING -> String.class;
            case INT -> Integer.class;
            case LONG -> Long.class;
            case SHORT -> Short.class;
            case BYTE -> Byte.class;
            case DOUBLE -> Double.class;
            case FLOAT -> Float.class;
            case TRUE -> Boolean.class;
            case DECIMAL -> BigDecimal.class;
            case BIG_INTEGER -> BigInteger.class;
            case BYTES -> byte[].class;
            case UUID -> java.util.UUID.class;
            case SQL_DATE -> java.sql.Date.class;
            case SQL_TIME -> Time.class;
            case TIMESTAMP -> Timestamp.class;
            case UTIL_DATE -> java.util.Date.class;
            case LOCAL_DATE -> LocalDate.class;
            case LOCAL_TIME -> LocalTime.class;
            case LOCAL_DATE_TIME -> LocalDateTime.class;
            case OFFSET_DATE_TIME -> OffsetDateTime.class;
            case INSTANT -> Instant.class;
            case OFFSET_TIME -> OffsetTime.class;
            case ZONED_DATE_TIME -> ZonedDateTime.class;
            case CHARACTER -> Character.class;
            default -> throw corrupt("unknown array component tag " + tag);
        };
    }

    private Object primitives() {
        byte tag = in.get();
        int size = switch (tag) {
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            case SHORT, CHARACTER -> 2;
            case TRUE -> 1;
            default -> throw corrupt("unknown primitive array tag " + tag);
        };
        int n = count(size);
        Object array = java.lang.reflect.Array.newInstance(switch (tag) {
            case INT -> int.class;
            case FLOAT -> float.class;
            case LONG -> long.class;
            case DOUBLE -> double.class;
            case SHORT -> short.class;
            case CHARACTER -> char.class;
            default -> boolean.class;
        }, n);
        for (int i = 0; i < n; i++) {
            switch (tag) {
                case INT -> ((int[]) array)[i] = in.getInt();
                case FLOAT -> ((float[]) array)[i] = in.getFloat();
                case LONG -> ((long[]) array)[i] = in.getLong();
                case DOUBLE -> ((double[]) array)[i] = in.getDouble();
                case SHORT -> ((short[]) array)[i] = in.getShort();
                case CHARACTER -> ((char[]) array)[i] = in.getChar();
                default -> ((boolean[]) array)[i] = in.get() != 0;
            }
        }
        return array;
    }

    private LocalDateTime dateTime() {
        return LocalDateTime.of(LocalDate.ofEpochDay(in.getLong()), LocalTime.ofNanoOfDay(in.getLong()));
    }

    private Instant instant() {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private String string() {
        byte[] b = blob();
        try {
            return utf8.decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt("a string that is not UTF-8");
        }
    }

    private byte[] blob() {
        byte[] b = new byte[count(1)];
        in.get(b);
        return b;
    }

    /** A count or length, each of whose items takes at least {@code bytesEach} bytes: no more than the bytes left allow. */
    private int count(int bytesEach) {
        int n = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 28) {
                throw corrupt("a length longer than 5 bytes");
            }
            byte b = in.get();
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (n < 0 || (long) n * bytesEach > in.remaining()) {
            throw corrupt("a length of " + Integer.toUnsignedString(n) + " with " + in.remaining() + " bytes left");
        }
        return n;
    }

    private static TableFormatException corrupt(String what) {
        return new TableFormatException("cached table is corrupt: " + what);
    }
}
