package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import io.cdiconnections.internal.Telemetry;

/**
 * One open result read row by row: what {@link SQLConnection#stream} and
 * {@link SQLConnection#chunks} hand out. It holds, until it is closed or read to its end, the
 * pool it came from (a reset or ttl expiry retires the pool but does not close it under the
 * stream), one JDBC connection, its statement and its result set; the driver is asked to fetch
 * {@code fetchSize} rows at a time instead of the whole result (PostgreSQL does so only inside a
 * transaction: auto-commit is turned off for the stream and the read-only transaction rolled back
 * at the end; MySQL Connector/J streams only with a fetch size of {@code Integer.MIN_VALUE}). Only
 * the current row is held, never the rows before it: streamed rows share one column description,
 * a {@link Table} without rows.
 *
 * <p>Opening runs in the retry loop of {@link JdbcQueries}, up to and including the first row;
 * after it a failure ends the stream with an exception and closes it. Not thread-safe, as a
 * {@code Stream} is not; {@link #close()} may be called from any thread, any number of times.
 */
final class RowStream {

    /** The rows fetched per round trip when the options name no fetch size. */
    static final int DEFAULT_FETCH_SIZE = 1_000;

    private static final System.Logger LOG = System.getLogger(RowStream.class.getName());
    /** What {@link #next(Statements.Reader, Function)} returns at the end: a mapped row may be null. */
    private static final Object END = new Object();

    private final String connection;
    private final String sql;
    private final Failures failures;
    private final JdbcQueries.Hold<?> hold;
    private final Connection jdbc;
    private final PreparedStatement statement;
    private final ResultSet rs;
    /** Whether auto-commit was turned off for the stream, to turn back on at its end. */
    private final boolean restoreAutoCommit;
    /** Whether the result set is pgjdbc's, for the typed getters of {@link #as(Class)} ({@link PoolDriver}). */
    private final boolean pgjdbc;
    private final List<Column> columns;
    /** Reads the current row's values: made once per stream, so that a row costs no lambda of its own. */
    private final Statements.Reader<Object[]> valuesOf;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The stream's span, from its open to its close, told the rows read. */
    private final Telemetry.Span span;
    /** The rows handed out so far, for the span. */
    private long read;
    /** Counts the open streams of the connection: set once opened, told again at the close. */
    private volatile Telemetry.Database database = Telemetry.Database.NONE;
    /** The first row, read while opening (inside the retry loop) and not handed out yet. */
    private Object[] first;
    private boolean done;

    private RowStream(String connection, String sql, Failures failures, JdbcQueries.Hold<?> hold, Connection jdbc,
            PreparedStatement statement, ResultSet rs, boolean restoreAutoCommit, boolean pgjdbc, List<Column> columns,
            PgCells cells, Object[] first, Telemetry.Span span) {
        this.connection = connection;
        this.span = span;
        this.sql = sql;
        this.failures = failures;
        this.hold = hold;
        this.jdbc = jdbc;
        this.statement = statement;
        this.rs = rs;
        this.restoreAutoCommit = restoreAutoCommit;
        this.pgjdbc = pgjdbc;
        this.columns = List.copyOf(columns);
        int width = columns.size();
        this.valuesOf = r -> Table.values(r, cells, width);
        this.first = first;
        this.done = first == null;
    }

    /**
     * Runs the query and reads its first row, retried as {@link JdbcQueries#query} is when the
     * connection is lost before then.
     *
     * @param queries    the handle's reads, whose retry loop opens the stream
     * @param connection the connection name
     * @param sql        SQL with {@code :name} parameters
     * @param options    parameters, limits, timeout and fetch size; a ttl is ignored (streams are never cached)
     * @param hold       holds the handle's pool, connecting if needed
     * @param <P>        the pool
     * @return the open stream; closed already when the result has no row
     */
    static <P extends DataSource> RowStream open(JdbcQueries<P> queries, String connection, String sql,
            QueryOptions options, Supplier<JdbcQueries.Hold<P>> hold) {
        int fetchSize = options.fetchSize() > 0 ? options.fetchSize() : DEFAULT_FETCH_SIZE;
        RowStream stream = queries.attempts(sql, options.params(), options.retry(), hold, (held, bound, s, sent) -> {
            Telemetry.Span span = queries.observed().stream(sql);
            Connection c = null;
            boolean restore = false;
            PreparedStatement ps = null;
            ResultSet rs = null;
            try {
                c = held.raw().getConnection();
                sent[0] = true;
                DatabaseMetaData md = c.getMetaData();
                if ("PostgreSQL".equals(md.getDatabaseProductName()) && c.getAutoCommit()) {
                    c.setAutoCommit(false); // the driver uses a cursor only inside a transaction
                    restore = true;
                }
                ps = Statements.prepare(c, bound, options.fetchSize(fetchSize));
                if (String.valueOf(md.getDriverName()).startsWith("MySQL Connector")) {
                    ps.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row only so
                }
                if (!Statements.execute(ps)) {
                    throw new QueryException(SqlMessages.sqlStreamNoResultSet(connection));
                }
                rs = ps.getResultSet();
                List<Column> columns = Table.columns(rs);
                boolean pg = queries.drivers.pgjdbc(held.raw(), rs);
                PgCells cells = pg ? PgCells.of(columns) : null; // the values query's Table holds, read as it reads them
                Object[] row = rs.next() ? Table.values(rs, cells, columns.size()) : null;
                return new RowStream(connection, sql, s.failures(connection), held.transfer(), c, ps, rs, restore, pg,
                        columns, cells, row, span);
            } catch (SQLException | RuntimeException | Error e) {
                SqlObservation.failed(span, e, s.failures(connection));
                span.end();
                release(rs, ps, c, restore, e);
                throw e;
            }
        });
        stream.database = queries.observed();
        stream.database.streams(1);
        if (stream.done) {
            stream.close();
        }
        return stream;
    }

    /**
     * @param connection the connection name
     * @param size       the chunk size asked for
     * @throws IllegalArgumentException when it is below 1
     */
    static void checkChunkSize(String connection, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(SqlMessages.sqlChunkSize(connection, size));
        }
    }

    /** @return the columns of the result */
    List<Column> columns() {
        return columns;
    }

    /** @return the rows as a stream that closes this one when it is closed or read to its end */
    Stream<Row> rows() {
        Table header = Table.of(columns, List.of());
        return values().map(v -> new Row(header, v));
    }

    /**
     * @param type the record, bean or value class, mapped as {@link Table#as(Class)} maps, the plan made once;
     *             the rows after the first straight from the result set, as {@link ResultMapper} maps them
     * @param <T>  its type
     * @return the rows mapped, as a stream that closes this one when it is closed or read to its end
     */
    <T> Stream<T> as(Class<T> type) {
        MappingPlan<T> plan;
        try {
            plan = MappingPlan.of(type, columns);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        // made once per stream, not per row: the row read while opening, by getObject; the others
        // straight from the result set, typed
        Function<Object[], T> opening = plan.sharedRows()::map; // one row: not worth a class of its own
        Statements.Reader<T> rest = new ResultMapper<>(plan, pgjdbc)::map;
        // a single value may be null (a nullable column); a record or a bean never is, nor a primitive
        return StreamSupport.stream(new Unsplit<T>(!plan.mayBeNull()) {
            @Override
            @SuppressWarnings("unchecked")
            public boolean tryAdvance(Consumer<? super T> action) {
                Object v = next(rest, opening);
                if (v == END) {
                    return false;
                }
                action.accept((T) v);
                return true;
            }
        }, false).onClose(this::close);
    }

    /**
     * @param size the rows of each table but the last, at least 1
     * @return tables of {@code size} rows, as a stream that closes this one when it is closed or read to its end
     */
    Stream<Table> chunks(int size) {
        return StreamSupport.stream(new Unsplit<Table>(true) {
            @Override
            public boolean tryAdvance(Consumer<? super Table> action) {
                List<Object[]> data = new ArrayList<>(Math.min(size, DEFAULT_FETCH_SIZE));
                for (Object[] v; data.size() < size && (v = next()) != null; ) {
                    data.add(v);
                }
                if (data.isEmpty()) {
                    return false;
                }
                action.accept(Table.of(columns, data));
                return true;
            }
        }, false).onClose(this::close);
    }

    private Stream<Object[]> values() {
        return StreamSupport.stream(new Unsplit<Object[]>(true) {
            @Override
            public boolean tryAdvance(Consumer<? super Object[]> action) {
                Object[] v = next();
                if (v == null) {
                    return false;
                }
                action.accept(v);
                return true;
            }
        }, false).onClose(this::close);
    }

    /**
     * Rows in order that are never split: {@code AbstractSpliterator} would split a parallel
     * stream by reading thousands of rows ahead into an array, which is what a stream must not hold.
     */
    private abstract static class Unsplit<T> extends Spliterators.AbstractSpliterator<T> {
        /** @param nonNull whether no element is ever null: said ({@code NONNULL}) only then */
        Unsplit(boolean nonNull) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | (nonNull ? Spliterator.NONNULL : 0));
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }
    }

    /**
     * @return the next row's values, or null at the end, which closes the stream
     * @throws ConnectionUnavailableException when the connection was lost (the pool is retired)
     * @throws QueryException                 when the database failed the statement midway
     * @throws IllegalStateException          when the stream was closed before its end
     */
    Object[] next() {
        Object v = next(valuesOf, Function.identity());
        return v == END ? null : (Object[]) v;
    }

    /**
     * @param reader  reads the current row of the result set
     * @param opening makes the same of the row read while opening
     * @return what they made of the next row, or {@link #END} at the end, which closes the stream;
     *         thrown as {@link #next()} throws
     */
    private Object next(Statements.Reader<?> reader, Function<Object[], ?> opening) {
        if (first != null) {
            Object[] v = first;
            first = null;
            read++;
            return opening.apply(v);
        }
        if (done) {
            return END;
        }
        if (closed.get()) {
            throw new IllegalStateException(SqlMessages.sqlStreamClosed(connection));
        }
        try {
            if (rs.next()) {
                read++;
                return reader.read(rs);
            }
            done = true;
            close();
            return END;
        } catch (SQLException e) {
            done = true;
            SqlObservation.failed(span, e, failures);
            RuntimeException failure;
            if (Failures.isConnectionFailure(e)) {
                hold.retire();
                failure = failures.streamLost(e);
            } else {
                failure = failures.statement(e, sql);
            }
            close();
            throw failure;
        }
    }

    /** Closes the result set, the statement and the JDBC connection, and lets go of the pool. Idempotent. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            database.streams(-1);
            span.rows(read);
            span.end();
            try {
                release(rs, statement, jdbc, restoreAutoCommit, null);
            } finally {
                hold.close();
            }
        }
    }

    /**
     * Closes what was opened, ending the read-only transaction a PostgreSQL stream began; a failure
     * here only goes with {@code cause}, or to the DEBUG log, since the connection goes back to the
     * pool (which resets its state) either way.
     */
    private static void release(ResultSet rs, PreparedStatement ps, Connection c, boolean restoreAutoCommit,
            Throwable cause) {
        AutoCloseable[] steps = {rs, ps, restoreAutoCommit ? c::rollback : null,
            restoreAutoCommit ? () -> c.setAutoCommit(true) : null, c};
        for (AutoCloseable step : steps) {
            if (step == null) {
                continue;
            }
            try {
                step.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else {
                    LOG.log(System.Logger.Level.DEBUG, SqlMessages.sqlStreamCloseFailed(), e);
                }
            }
        }
    }
}
