package io.cdiconnections.snowflake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.cdiconnections.ConnectionConfigException;

/**
 * The bound on the Snowflake drivers' own files ({@code connections.toml}, SnowSQL's
 * {@code config}): the same 1 MiB as a secrets file, checked before reading, so that a huge file
 * is a clear error instead of an OutOfMemoryError.
 */
final class SnowflakeFiles {

    /** The largest file read, as for secrets files. */
    static final long MAX_BYTES = 1 << 20;

    private SnowflakeFiles() {
    }

    /** @throws ConnectionConfigException naming the file when it is over {@link #MAX_BYTES} */
    static void checkSize(String connection, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw unreadable(connection, file, e);
        }
        if (size > MAX_BYTES) {
            throw new ConnectionConfigException(SnowflakeMessages.snowflakeBadFile(connection, file.toString(),
                    "it is too large (" + size + " bytes, and the limit is " + MAX_BYTES + " bytes); it should"
                            + " hold a few connection settings"));
        }
    }

    /** @return the error for a file that exists but cannot be read, naming the failure's kind only */
    static ConnectionConfigException unreadable(String connection, Path file, IOException e) {
        return new ConnectionConfigException(SnowflakeMessages.snowflakeBadFile(connection, file.toString(),
                "it cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
}
