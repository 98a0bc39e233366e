package io.cdiconnections.sql;

/**
 * Bytes that are not a {@link Table} in {@link TableFormat}: another magic, an unknown version, a
 * checksum that does not match, or a count, length or value that the bytes cannot hold. A shared
 * cache treats such an entry as absent and runs the query.
 */
final class TableFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TableFormatException(String message) {
        super(message);
    }

    TableFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
