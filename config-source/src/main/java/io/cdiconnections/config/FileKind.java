package io.cdiconnections.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Names what a path is when it is not a regular file, for messages: a FIFO, a device or a socket
 * must never be opened (a FIFO blocks until a writer appears, {@code /dev/zero} never ends).
 */
final class FileKind {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private FileKind() {
    }

    /** @return "a directory", "a FIFO (named pipe)", "a device", "a socket" or "not a regular file" */
    static String of(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        int type = unixMode(path) & TYPE_MASK;
        return switch (type) {
            case FIFO -> "a FIFO (named pipe)";
            case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
            case SOCKET -> "a socket";
            default -> "not a regular file";
        };
    }

    private static int unixMode(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | RuntimeException e) {
            // no "unix" attribute view (Windows): the general words are enough
            return 0;
        }
    }
}
