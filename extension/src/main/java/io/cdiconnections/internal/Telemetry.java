package io.cdiconnections.internal;

/**
 * Where the library reports what it does, for metrics and traces (docs/observability.md). The
 * API packages call it; {@code io.cdiconnections.internal.otel} implements it over OpenTelemetry,
 * found through {@link TelemetrySource} only when the OpenTelemetry API is on the class path.
 * Without it, or with OpenTelemetry a no-op, {@link #current()} is {@link #NONE}, whose methods
 * return shared constants: the cost on the hot path is one volatile read and a call that does
 * nothing.
 *
 * <p>Nothing passed here may hold a value a statement was given or a secret: texts are the
 * statement as written (with {@code :name} placeholders) and messages already redacted.
 */
public interface Telemetry {

    /** Records nothing. */
    Telemetry NONE = new Telemetry() {
    };

    /**
     * @return the telemetry of this application, resolved once, at the first call
     */
    static Telemetry current() {
        return TelemetryHolder.current();
    }

    /**
     * Forgets what {@link #current()} resolved, so the next call looks for OpenTelemetry again:
     * for tests and benchmarks that install or remove an SDK. Handles made before keep theirs.
     */
    static void forget() {
        TelemetryHolder.forget();
    }

    /** One operation in flight: a span (current on this thread until it ends) and its timer. */
    interface Span {
        /** Does nothing. */
        Span NONE = new Span() {
        };

        /**
         * Marks the operation failed.
         *
         * @param redactedMessage what went wrong, every secret value already removed
         * @param error           the failure, for its type only (its message is never read)
         */
        default void fail(String redactedMessage, Throwable error) {
        }

        /**
         * Says how many rows the operation read (a stream) or wrote (an insert); call before
         * {@link #end()}. Other spans ignore it.
         *
         * @param rows the number of rows
         */
        default void rows(long rows) {
        }

        /** Ends the span and records the duration; call once, on the thread that started it. */
        default void end() {
        }
    }

    /**
     * What a connection's statements go to, known once it connected: the low-cardinality
     * attributes of its spans and metrics, made once per connect.
     */
    interface Database {
        /** Records nothing. */
        Database NONE = new Database() {
        };

        /**
         * @param sql the statement as written, {@code :name} placeholders in place of values
         * @return the span of one statement sent to the database
         */
        default Span query(String sql) {
            return Span.NONE;
        }

        /**
         * A query answered from the ttl result cache: a span that says so, no database span.
         *
         * @param sql the statement as written
         */
        default void cacheHit(String sql) {
        }

        /** A query looked in the ttl result cache and did not find its result. */
        default void cacheMiss() {
        }

        /** A result left the cache before its ttl, for room. */
        default void cacheEviction() {
        }

        /**
         * A stream of rows, from its open to its close: not made current on the thread (a stream
         * may be read and closed elsewhere), so statements run while it is read are not its
         * children; its duration is the reader's too, so it goes to no duration histogram.
         *
         * @param sql the statement as written, {@code :name} placeholders in place of values
         * @return the span of the stream; tell it the rows read with {@link Span#rows(long)}
         */
        default Span stream(String sql) {
            return Span.NONE;
        }

        /**
         * @param table the table as the caller named it
         * @return the span of one {@code insert(table, rows)}, all its batches; tell it the rows
         *         inserted with {@link Span#rows(long)}
         */
        default Span insert(String table) {
            return Span.NONE;
        }

        /**
         * Lets the metrics read the estimated bytes the connection's ttl result cache holds in this
         * JVM, whenever they are collected. Held weakly: the caller keeps {@code bytes} as long as
         * its cache lives. A later call for the same connection replaces it.
         *
         * @param bytes the bytes held now
         */
        default void cacheBytes(java.util.function.LongSupplier bytes) {
        }

        /** The shared result cache failed and a query went to the database instead. */
        default void cacheSharedFailure() {
        }

        /** @return the span of one transaction; the statements in it are its children */
        default Span transaction() {
            return Span.NONE;
        }

        /** A stream of rows opened (+1) or closed (-1). */
        default void streams(int delta) {
        }

        /**
         * @return a HikariCP {@code MetricsTrackerFactory} for the pool of this connection, or
         *         null when nothing is recorded
         */
        default Object poolMetrics() {
            return null;
        }
    }

    /**
     * @param connection the connection name
     * @param system     {@code db.system.name}, such as {@code postgresql}
     * @param namespace  {@code db.namespace}, the database; null when unknown
     * @param address    {@code server.address}; null when unknown or a file
     * @param port       {@code server.port}; 0 when unknown
     * @return what the connection's statements go to
     */
    default Database database(String connection, String system, String namespace, String address, int port) {
        return Database.NONE;
    }

    /**
     * @param connection the connection name
     * @param type       the connection type's class
     * @return the span of one connect; counted as a connect, or a connect failure when it fails
     */
    default Span connect(String connection, Class<?> type) {
        return Span.NONE;
    }

    /**
     * @param connection the connection name
     * @param type       the connection type's class
     */
    default void reset(String connection, Class<?> type) {
    }

    /**
     * A raw instance retired because its ttl passed.
     *
     * @param connection the connection name
     * @param type       the connection type's class
     */
    default void ttlRetired(String connection, Class<?> type) {
    }
}
