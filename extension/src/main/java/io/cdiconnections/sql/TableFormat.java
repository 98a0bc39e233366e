package io.cdiconnections.sql;

/**
 * The binary form of a {@link Table} that a shared result cache stores: safe to read from another
 * machine because it holds only values of a fixed list of types, each read by its own code, never
 * by Java serialization (a cache that deserializes arbitrary objects runs whatever a peer sends).
 *
 * <pre>
 * magic "CDIT" · version 1 · columns: count, then name, JDBC type code, type name each
 * · rows: count, then each value as a tag byte and its bytes · CRC-32C of all before it
 * </pre>
 *
 * Counts and lengths are unsigned LEB128 varints; strings are UTF-8. A decoder refuses a wrong
 * magic, another version, a checksum that does not match and any count or length larger than the
 * bytes left, so corrupt input fails with {@link TableFormatException} and never makes a large
 * allocation. See docs/clustering.md.
 */
final class TableFormat {

    static final byte[] MAGIC = {'C', 'D', 'I', 'T'};
    static final byte VERSION = 1;
    /** Arrays nest at most this deep (a PostgreSQL array has at most 6 dimensions). */
    static final int MAX_DEPTH = 8;

    static final byte NULL = 0;
    static final byte STRING = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte SHORT = 4;
    static final byte BYTE = 5;
    static final byte DOUBLE = 6;
    static final byte FLOAT = 7;
    static final byte TRUE = 8;
    static final byte FALSE = 9;
    static final byte DECIMAL = 10;
    static final byte BIG_INTEGER = 11;
    static final byte BYTES = 12;
    static final byte UUID = 13;
    static final byte SQL_DATE = 14;
    static final byte SQL_TIME = 15;
    static final byte TIMESTAMP = 16;
    static final byte UTIL_DATE = 17;
    static final byte LOCAL_DATE = 18;
    static final byte LOCAL_TIME = 19;
    static final byte LOCAL_DATE_TIME = 20;
    static final byte OFFSET_DATE_TIME = 21;
    static final byte INSTANT = 22;
    static final byte OFFSET_TIME = 23;
    static final byte ZONED_DATE_TIME = 24;
    static final byte CHARACTER = 25;
    /** An array of objects: its component type (an element tag, {@link #NULL} for Object, or ARRAY and a nested one), length, tagged elements. */
    static final byte ARRAY = 26;
    /** An array of primitives: the element tag, length, untagged elements. */
    static final byte PRIMITIVE_ARRAY = 27;

    private TableFormat() {
    }
}
