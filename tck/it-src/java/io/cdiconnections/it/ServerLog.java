package io.cdiconnections.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The log of the server under test, where its user looks: Open Liberty's {@code messages.log},
 * WildFly's, Payara Server's and GlassFish's {@code server.log}, Tomcat's {@code catalina.log}
 * (the suite's logging.properties), Payara Micro's console (no file; its adapter copies the
 * console to the test JVM's {@code System.out}).
 */
public final class ServerLog {

    /**
     * Liberty's level column ({@code E}) after the thread id and logger; WildFly's
     * {@code ERROR [category]}; Tomcat's {@code SEVERE [thread]}; Payara's and GlassFish's
     * {@code [SEVERE]}, Payara's coloured on a console.
     */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\[[^\\]]+\\] \\S+ \\S+\\s+E "
            + "|^\\S+ \\S+ ERROR \\["
            + "|^\\S+ \\S+ SEVERE \\["
            + "|\\[(\u001B\\[[0-9;]*m)?SEVERE(\u001B\\[[0-9;]*m)?\\]");

    /** At most this much is read, so a runaway log cannot exhaust the test JVM. */
    private static final int MAX_READ = 1 << 20;

    private ServerLog() {
    }

    /** @return Liberty's messages.log, or {@code null} when {@code wlp.home} is not set */
    public static Path liberty() {
        String wlp = System.getProperty("wlp.home");
        return wlp == null ? null : Path.of(wlp, "usr", "servers", "defaultServer", "logs", "messages.log");
    }

    /** @return the log file of the server under test, or {@code null} on Payara Micro */
    public static Path current() {
        return switch (Servers.current()) {
            case "liberty" -> liberty();
            case "wildfly" -> Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
            case "tomcat" -> Path.of(System.getProperty("tomcat.home"), "logs", "catalina.log");
            case "payara-server" -> Path.of(System.getProperty("payara.home"), "glassfish", "domains", "domain1", "logs", "server.log");
            case "glassfish" -> Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "domain1", "logs", "server.log");
            default -> null;
        };
    }

    /**
     * @param log a log file, or {@code null}
     * @return its length now, where a later {@link #since} starts; 0 when there is none
     */
    public static long end(Path log) {
        try {
            return log != null && Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * @param log    a log file, or {@code null}
     * @param offset where to start, from {@link #end}
     * @return what was written from {@code offset} on (the first MiB), or "" when there is no log
     */
    public static String since(Path log, long offset) {
        if (log == null || !Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.min(offset, length);
            byte[] bytes = new byte[(int) Math.min(length - from, MAX_READ)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * @return what the server logs from now until the watch is closed: the lines its log file
     *         gains, or on Payara Micro what its console prints
     */
    public static Watch watch() {
        Path log = current();
        return new Watch(log, end(log), log == null ? ConsoleCapture.start() : null);
    }

    /** What the server logged since {@link #watch()}. */
    public static final class Watch implements AutoCloseable {
        private final Path log;
        private final long mark;
        private final ConsoleCapture console;

        private Watch(Path log, long mark, ConsoleCapture console) {
            this.log = log;
            this.mark = mark;
            this.console = console;
        }

        /** @return what was logged so far (the first MiB) */
        public String text() {
            return console != null ? console.text() : since(log, mark);
        }

        /** @return the lines at level ERROR logged so far */
        public List<String> errors() {
            return ServerLog.errors(text());
        }

        @Override
        public void close() {
            if (console != null) {
                console.close();
            }
        }
    }

    /**
     * @param text what a server log holds
     * @return its lines at level ERROR
     */
    public static List<String> errors(String text) {
        return text.lines().filter(line -> ERROR_LINE.matcher(line).find()).toList();
    }
}
