package io.cdiconnections.tck;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every text a user could see while a connection fails (exception messages with their
 * causes, suppressed exceptions and stack traces, {@code toString()}s, log records written
 * through {@code java.util.logging} and {@code System.Logger}) and checks that none holds a secret.
 */
final class Leaks implements AutoCloseable {

    private final String secret;
    private final List<String> texts = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String message = r.getMessage();
            try {
                message = new java.util.logging.SimpleFormatter().formatMessage(r);
            } catch (RuntimeException e) {
                // keep the raw message
            }
            add("log record of " + r.getLoggerName(), message + (r.getThrown() == null ? "" : "\n" + stackTrace(r.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing log records at every level. */
    Leaks(String secret) {
        this.secret = secret;
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
    }

    synchronized void add(String origin, String text) {
        origins.add(origin);
        texts.add(String.valueOf(text));
    }

    void add(String origin, Throwable error) {
        add(origin, stackTrace(error));
    }

    /** @throws AssertionError naming where the secret showed, never the text itself beyond its origin */
    synchronized void assertNoSecret() {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        List<String> leaked = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(secret) || texts.get(i).contains(encoded)) {
                leaked.add(origins.get(i) + ":\n" + texts.get(i));
            }
        }
        if (!leaked.isEmpty()) {
            throw new AssertionError("The planted secret (" + secret + ") shows in " + leaked.size() + " of "
                    + texts.size() + " texts:\n" + String.join("\n---\n", leaked));
        }
    }

    /** @return how many texts were checked */
    synchronized int size() {
        return texts.size();
    }

    @Override
    public void close() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
