package io.cdiconnections.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the server logs from now on: WildFly's {@code server.log}, Open Liberty's
 * {@code messages.log}, or, on Payara Micro, its console as the adapter copies it to this JVM.
 */
public final class ServerLog implements AutoCloseable {

    private final Path file;
    private final long offset;
    private final ConsoleCapture console;

    private ServerLog(Path file) {
        this.file = file;
        this.offset = size(file);
        this.console = file == null ? ConsoleCapture.start() : null;
    }

    /** @return the log of the current server, read from its present end */
    public static ServerLog start() {
        return new ServerLog(file());
    }

    /** @return what the server logged since {@link #start()} */
    public String text() {
        return console != null ? console.text() : read(file, offset);
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
    }

    private static Path file() {
        return switch (Servers.current()) {
            case "wildfly" -> Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
            case "liberty" -> Path.of(System.getProperty("wlp.home"), "usr", "servers", "defaultServer", "logs",
                    "messages.log");
            default -> null;
        };
    }

    private static long size(Path file) {
        try {
            return file != null && Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * @param file a log file, or null
     * @param offset where to start reading
     * @return at most 1 MiB of the file from {@code offset}
     */
    static String read(Path file, long offset) {
        if (file == null || !Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.min(offset, length);
            byte[] bytes = new byte[(int) Math.min(length - from, 1 << 20)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
