package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.Telemetry;

/**
 * A SQL database through a HikariCP pool: Streamlit's {@code SQLConnection}, configured by the
 * same {@code [connections.<name>]} section of secrets.toml.
 *
 * <pre>{@code
 * [connections.sql]
 * url = "postgresql://scott:tiger@db.example.com:5432/shop"
 * }</pre>
 *
 * <pre>{@code
 * @Inject @Connection(name = "sql") SQLConnection sql;
 *
 * Table pets = sql.query("select * from pets where owner = :owner", Map.of("owner", "jerry"));
 * List<Pet> list = pets.as(Pet.class);
 * }</pre>
 *
 * <p><b>Parameters.</b> {@code url}, a JDBC URL or a SQLAlchemy URL
 * ({@code dialect[+driver]://user:password@host:port/database?key=value}); or {@code dialect},
 * {@code host}, {@code port}, {@code database}, {@code username}, {@code password} and a
 * {@code query} table of driver parameters. {@code driver} is a JDBC driver class, or a Python
 * driver name, which is ignored. {@code create_engine_kwargs} is mapped to HikariCP where it has
 * an equivalent, {@code pool.*} sets HikariCP properties by name. An option given in code named
 * like a {@code create_engine} keyword ({@code option("max_overflow", "1")}) goes under
 * {@code create_engine_kwargs} and wins there, as Streamlit's keyword arguments do; an option that
 * is neither a parameter nor such a keyword is an error naming it. {@code query_ttl} caches every
 * query's result for that long, in this JVM, or with {@code cache = "jcache"} in a JCache cache
 * every instance shares (docs/clustering.md); {@code autocommit} sets the pool's auto-commit. Keys set besides a
 * SQLAlchemy URL override its parts, so {@code CONNECTIONS_SQL_PASSWORD} alone can supply the password.
 * The user name and password go to the driver as properties, never into the JDBC URL.
 *
 * <p><b>Connect.</b> The pool is created on first use, named {@code cdi-connections-<name>}, and
 * waits at most 5 s for a connection unless {@code pool_timeout} or {@code pool.connectionTimeout}
 * says otherwise. A failure to connect is a {@link ConnectionUnavailableException}; the next use
 * tries again.
 *
 * <p><b>Use.</b> {@link #query} reads (retried up to 3 times, 1 s apart, with a reset, when the
 * database could not be reached), and with a class maps rows to records in one step; {@link #update}
 * and {@link #withTransaction} write (never retried), {@link #stream} and {@link #chunks} read
 * results too large to hold, {@link #dataSource()} and {@link #connection()} hand out JDBC. Thread-safe.
 */
public class SQLConnection extends BaseConnection<HikariDataSource> {

    private final DataSource dataSource = new SqlDataSource(this);
    /** How this handle makes its pool, and what it learned of the database doing so. */
    private final SqlPool pool;
    /** The reads, with their retry, result cache and settings (those of the last connect). */
    private final JdbcQueries<HikariDataSource> queries;

    /**
     * @param context the name, options and owner of this handle
     */
    public SQLConnection(ConnectionContext context) {
        super(context);
        pool = new SqlPool(context.name());
        queries = pool.queries();
    }

    /** For CDI client proxies only; applications never call it. */
    protected SQLConnection() {
        pool = null;
        queries = null;
    }

    // ------------------------------------------------------------------ parameters

    /**
     * Checks, without connecting, that parameters name a database this class can reach: the
     * required keys (Streamlit's rule: {@code url}, or {@code dialect}, {@code host} and
     * {@code username}; a file or in-memory dialect needs none but {@code dialect}), a dialect we
     * know, a well-formed URL, a JDBC driver on the class path, and values of the right kind.
     *
     * <pre>{@code
     * SQLConnection.validateParameters(sql.parameters());   // at deployment
     * }</pre>
     *
     * @param options the parameters, options given in code laid over secrets
     * @throws ConnectionConfigException naming the key, the dialect or the driver to add, or an
     *                                   option given in code that is neither a parameter nor a
     *                                   {@code create_engine} keyword
     */
    public static void validateParameters(ConnectionParameters options) {
        SqlPool.validate(options);
    }

    @Override
    protected void validate(ConnectionParameters params) {
        validateParameters(params);
    }

    @Override
    protected Set<String> knownKeys() {
        return SqlPool.KNOWN_KEYS;
    }

    // ------------------------------------------------------------------ connect

    @Override
    protected HikariDataSource connect(ConnectionParameters options) {
        return pool.connect(options, queries);
    }

    /** Borrows a connection and asks {@link Connection#isValid(int)}, the timeout rounded up to whole seconds. */
    @Override
    protected void check(HikariDataSource raw, Duration timeout) throws SQLException {
        SqlPool.checkValid(raw, timeout);
    }

    /** @return the result caches: {@code local()}, and {@code shared()} with {@code cache = "jcache"}; for tests */
    ResultCaches caches() {
        return queries.caches();
    }

    /** Cached results belong to the pool they were read from, and go with it. */
    @Override
    protected void retired(HikariDataSource raw) {
        queries.dropAll(raw);
    }

    // ------------------------------------------------------------------ reads

    /**
     * Runs a query and returns its rows.
     *
     * <pre>{@code
     * Table pets = sql.query("select name, owner from pets");
     * }</pre>
     *
     * @param sql the query
     * @return the result
     * @throws QueryException                 when the query fails or is not a query (produces no result set)
     * @throws ConnectionUnavailableException when the database cannot be reached after 3 attempts
     */
    public Table query(String sql) {
        return query(sql, QueryOptions.defaults());
    }

    /**
     * Runs a query with {@code :name} parameters, whose values are bound, never spliced into the text.
     *
     * <pre>{@code
     * Table t = sql.query("select * from pets where owner = :owner and age > :age",
     *         Map.of("owner", "jerry", "age", 3));
     * Table u = sql.query("select * from pets where id in :ids", Map.of("ids", List.of(1, 2, 3)));
     * }</pre>
     *
     * @param sql    the query
     * @param params the values by name; each {@code :name} needs one and each value needs a {@code :name}
     * @return the result
     */
    public Table query(String sql, Map<String, ?> params) {
        return query(sql, QueryOptions.defaults().params(params));
    }

    /**
     * Runs a query with parameters, a result ttl and limits. With a ttl (here or {@code query_ttl}
     * in secrets) the result is kept and served again for the same SQL, parameters and limits
     * until the ttl passes or the pool is retired; without one, every call reads the database.
     *
     * <pre>{@code
     * Table t = sql.query("select * from pets where owner = :owner",
     *         QueryOptions.defaults().param("owner", "jerry").ttl(Duration.ofMinutes(10)));
     * }</pre>
     *
     * @param sql     the query
     * @param options its parameters, ttl and limits
     * @return the result
     */
    public Table query(String sql, QueryOptions options) {
        return queries.query(sql, options, this::hold);
    }

    /**
     * Runs a query and maps each row to {@code type}: {@code query(sql, options).as(type)} in one
     * step, with the same names, conversions, errors, retries, cache and telemetry. Without a ttl
     * the rows are mapped straight from JDBC with typed getters, never held as a {@link Table};
     * with one, the cached {@code Table} is mapped; where they can differ: docs/sql.md, "Mapping rows to types".
     * <pre>{@code
     * List<Pet> pets = sql.query("select * from pets where age > :a", QueryOptions.defaults().param("a", 3), Pet.class);
     * }</pre>
     * @param sql     the query
     * @param options its parameters, ttl and limits
     * @param type    the record, bean or single-value class, as for {@link Table#as(Class)}
     * @param <T>     its type
     * @return one element per row, in order, unmodifiable
     * @throws QueryException                 when the query fails, or a row does not map (as {@link Table#as(Class)} says)
     * @throws ConnectionUnavailableException when the database cannot be reached after 3 attempts
     */
    public <T> List<T> query(String sql, QueryOptions options, Class<T> type) {
        return queries.query(sql, options, type, this::hold);
    }

    /**
     * Runs a query with {@code :name} parameters and maps each row to {@code type}, as {@link #query(String, QueryOptions, Class)}:
     * {@code List<String> names = sql.query("select name from pets where owner = :o", Map.of("o", "tom"), String.class);}
     * @param sql    the query
     * @param params the values by name
     * @param type   the record, bean or single-value class
     * @param <T>    its type
     * @return one element per row, as {@link #query(String, QueryOptions, Class)}
     * @throws QueryException when the query fails or a row does not map
     */
    public <T> List<T> query(String sql, Map<String, ?> params, Class<T> type) {
        return query(sql, QueryOptions.defaults().params(params), type);
    }

    private JdbcQueries.Hold<HikariDataSource> hold() {
        Lease<HikariDataSource> lease = lease();
        return new JdbcQueries.Hold<>(lease.raw(), lease::retire, lease::close);
    }

    // ------------------------------------------------------------------ streams

    /**
     * Runs a query and hands out its rows one at a time, never holding the whole result; the
     * stream holds a JDBC connection, and its pool through a reset or ttl expiry, until it is
     * closed or read to its end: use try-with-resources. The driver fetches
     * {@link QueryOptions#fetchSize(int)} rows at a time (1,000 by default). Retried like
     * {@link #query} only before the first row; never cached. See docs/sql.md, "Streaming large results".
     *
     * <pre>{@code
     * try (Stream<Row> rows = sql.stream("select * from events where day = :d", Map.of("d", day))) {
     *     rows.forEach(row -> out.println(row.get("name")));
     * }
     * }</pre>
     *
     * @param sql    the query
     * @param params the values by name
     * @return the rows, in order; close the stream
     */
    public Stream<Row> stream(String sql, Map<String, ?> params) {
        return stream(sql, QueryOptions.defaults().params(params));
    }

    /**
     * @param sql     the query
     * @param options its parameters, limits, timeout and fetch size (a ttl is ignored)
     * @return the rows, in order, as {@link #stream(String, Map)}; close the stream
     */
    public Stream<Row> stream(String sql, QueryOptions options) {
        return RowStream.open(queries, name(), sql, options, this::hold).rows();
    }

    /**
     * @param sql     the query
     * @param options its parameters, limits, timeout and fetch size
     * @param type    the record, bean or value class rows map to, as in {@link Table#as(Class)}
     * @param <T>     its type
     * @return the mapped rows, in order, as {@link #stream(String, Map)}; close the stream
     */
    public <T> Stream<T> stream(String sql, QueryOptions options, Class<T> type) {
        return RowStream.open(queries, name(), sql, options, this::hold).as(type);
    }

    /**
     * @param sql       the query
     * @param options   its parameters, limits, timeout and fetch size
     * @param chunkSize the rows of each table, at least 1 (Streamlit's {@code chunksize}); the last may have fewer
     * @return the rows as tables, one held at a time, as {@link #stream(String, Map)}; close the stream
     */
    public Stream<Table> chunks(String sql, QueryOptions options, int chunkSize) {
        RowStream.checkChunkSize(name(), chunkSize);
        return RowStream.open(queries, name(), sql, options, this::hold).chunks(chunkSize);
    }

    // ------------------------------------------------------------------ writes

    /**
     * Runs a statement that changes data or schema, committed on its own. Never retried: a write
     * that met a lost connection may already have been applied.
     *
     * <pre>{@code
     * sql.update("create table if not exists pets (id int primary key, name varchar(50))");
     * }</pre>
     *
     * @param sql the statement
     * @return the number of rows changed
     * @throws QueryException                 when the statement fails
     * @throws ConnectionUnavailableException when the database cannot be reached
     */
    public int update(String sql) {
        return update(sql, Map.of());
    }

    /**
     * Runs a statement with {@code :name} parameters, committed on its own, never retried.
     *
     * <pre>{@code
     * int n = sql.update("insert into pets (id, name) values (:id, :name)", Map.of("id", 1, "name", "Rex"));
     * }</pre>
     *
     * @param sql    the statement
     * @param params the values by name
     * @return the number of rows changed
     */
    public int update(String sql, Map<String, ?> params) {
        Telemetry.Span span = Telemetry.Span.NONE;
        try (Lease<HikariDataSource> lease = lease(); Connection c = lease.raw().getConnection()) {
            span = queries.observed().query(sql);
            int n = Statements.update(c, NamedSql.parse(sql, pool.syntax()).bind(name(), params));
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return n;
        } catch (SQLException e) {
            throw SqlObservation.failed(span, failures().forWrite(e, sql));
        } catch (RuntimeException e) {
            throw SqlObservation.failed(span, e);
        } finally {
            span.end();
        }
    }

    /**
     * Inserts many rows into a table in one transaction, with JDBC batches of 1,000: pandas'
     * {@code to_sql} and Snowflake's {@code write_pandas}. See {@link #insert(String, Iterable, int)}.
     *
     * <pre>{@code
     * int n = sql.insert("pets", List.of(new Pet(1, "Rex"), new Pet(2, "Tom")));
     * }</pre>
     *
     * @param table the table, optionally {@code schema.table}
     * @param rows  maps of column names to values, records, beans, or a {@link Table}
     * @return the number of rows inserted
     */
    public int insert(String table, Iterable<?> rows) {
        return insert(table, rows, BatchInsert.DEFAULT_BATCH_SIZE);
    }

    /**
     * Inserts many rows into a table: one prepared {@code insert}, values bound (never spliced into
     * the text), sent {@code batchSize} rows per JDBC batch, all in one transaction: every row is
     * kept or none. Never retried. Empty input returns 0 without connecting.
     *
     * <p>The names come from the first row: a {@code Map}'s keys (every row must have the same
     * keys), a record's components, a bean's getters (a getter no column matches is left out), a
     * {@link Table}'s or {@link Row}'s columns. Each is matched to a column of the table exactly,
     * else ignoring case, else ignoring case and underscores ({@code createdAt} fills
     * {@code created_at}). Identifiers are quoted for the dialect; a table name in lower case means
     * one created without quotes, any other is taken exactly; a dot separates schema and table.
     *
     * <pre>{@code
     * sql.insert("sales.orders", List.of(Map.of("id", 1, "total", new BigDecimal("9.90"))), 5_000);
     * }</pre>
     *
     * @param table     the table, optionally {@code schema.table}
     * @param rows      maps of column names to values, records, beans, or a {@link Table}
     * @param batchSize rows per JDBC batch, at least 1
     * @return the number of rows inserted
     * @throws IllegalArgumentException       when the table name or a row is malformed (a null row,
     *                                        other keys than row 0), before connecting
     * @throws QueryException                 when a name matches no column or a row fails, naming the
     *                                        table and the row where the driver says which; nothing is kept
     * @throws ConnectionUnavailableException when the database cannot be reached
     */
    public int insert(String table, Iterable<?> rows, int batchSize) {
        InsertRows data = InsertRows.read(name(), table, rows);
        BatchInsert.check(name(), table, data, batchSize);
        if (data.isEmpty()) {
            return 0;
        }
        return withTransaction(tx -> tx.insert(table, data, batchSize));
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws (and
     * the exception passed on). Never retried.
     *
     * <pre>{@code
     * long id = sql.withTransaction(tx -> {
     *     tx.update("insert into orders (customer) values (:c)", Map.of("c", 7));
     *     return tx.query("select max(id) as id from orders").row(0).get("id", Long.class);
     * });
     * }</pre>
     *
     * @param work what to do; it gets a {@link Transaction} with {@code query}, {@code update}
     *             and the JDBC {@code connection()}
     * @param <T>  what the work returns
     * @return what the work returned
     * @throws QueryException                 when a statement or the commit fails
     * @throws ConnectionUnavailableException when the database cannot be reached
     */
    public <T> T withTransaction(TransactionWork<T> work) {
        try (Lease<HikariDataSource> lease = lease(); Connection c = lease.raw().getConnection()) {
            return new Transaction(name(), c, failures(), pool.syntax(), pool.dialect(), queries.observed()).run(work);
        } catch (SQLException e) {
            throw failures().forWrite(e, null);
        }
    }

    // ------------------------------------------------------------------ JDBC

    /**
     * A DataSource for libraries that want one (jOOQ, MyBatis, Flyway): each
     * {@code getConnection()} borrows from the current pool, so it keeps working across resets
     * and ttl expiries. Close what you borrow.
     *
     * <pre>{@code
     * Flyway.configure().dataSource(sql.dataSource()).load().migrate();
     * }</pre>
     *
     * @return the data source; the same object on every call
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Borrows a JDBC connection from the pool; close it to give it back. The pool it came from
     * stays open, even through a reset, until it is closed, so close it promptly.
     *
     * <pre>{@code
     * try (java.sql.Connection c = sql.connection()) {
     *     c.createStatement().execute("vacuum");
     * }
     * }</pre>
     *
     * @return a pooled connection
     * @throws ConnectionUnavailableException when no connection could be had in time
     */
    public Connection connection() {
        Lease<HikariDataSource> lease = lease();
        return LeasedConnection.borrow(lease.raw(), lease::close, this::failures);
    }

    /** @return the exceptions of this connection, secret values of the last connect removed */
    private Failures failures() {
        return queries.settings().failures(name());
    }
}
