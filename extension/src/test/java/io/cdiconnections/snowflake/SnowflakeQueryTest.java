package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.sql.QueryException;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Table;

/**
 * query(), update(), connection() and the retry on session expiry, over H2 standing in for the
 * Snowflake session (the connector is the only thing replaced; everything above the JDBC
 * connection is the real code).
 */
class SnowflakeQueryTest {

    @TempDir
    Path home;

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Supplier<SQLException> failure = () -> new SQLException("Session expired", "08001", 390112);
    private final List<Connection> sessions = new CopyOnWriteArrayList<>();
    private String db;

    @BeforeEach
    void seed() throws SQLException {
        db = "jdbc:h2:mem:sf" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.execute("create table orders (id int primary key, region varchar(10), total int)");
            st.execute("insert into orders values (1, 'EU', 100), (2, 'US', 250), (3, 'EU', 300)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.execute("shutdown");
        }
    }

    @Test
    void queryBindsNamedParametersAndReturnsATable() {
        SnowflakeConnection sf = connection(Map.of());
        Table t = sf.query("select id, total from orders where region = :region and total > :min order by id",
                Map.of("region", "EU", "min", 50));
        assertThat(t.columnNames()).containsExactly("ID", "TOTAL");
        assertThat(t.column("id")).containsExactly(1, 3);
        assertThat(opened).hasValue(1);
        sf.close();
    }

    @Test
    void aTtlCachesTheResultUntilTheSessionIsRetired() throws Exception {
        SnowflakeConnection sf = connection(Map.of());
        QueryOptions tenMinutes = QueryOptions.defaults().param("r", "EU").ttl(Duration.ofMinutes(10));
        String sql = "select count(*) as n from orders where region = :r";
        assertThat(sf.query(sql, tenMinutes).get(0, "n")).isEqualTo(2L);
        sf.update("insert into orders values (4, 'EU', 1)");
        assertThat(sf.query(sql, tenMinutes).get(0, "n")).isEqualTo(2L);       // cached
        assertThat(sf.query(sql, Map.of("r", "EU")).get(0, "n")).isEqualTo(3L); // no ttl: read
        assertThat(sf.cachedResults()).isEqualTo(1);
        sf.reset();
        assertThat(sf.cachedResults()).isZero();
        assertThat(sf.query(sql, tenMinutes).get(0, "n")).isEqualTo(3L);
        sf.close();
    }

    @Test
    void queryTtlInSecretsCachesEveryQuery() {
        SnowflakeConnection sf = connection(Map.of("query_ttl", "600"));
        sf.query("select 1 as x");
        sf.query("select 1 as x");
        assertThat(sf.cachedResults()).isEqualTo(1);
        sf.close();
    }

    @Test
    void anExpiredSessionIsReplacedAndTheQueryTriedAgain() {
        SnowflakeConnection sf = connection(Map.of());
        sf.query("select 1 as x");
        failuresLeft.set(2);
        assertThat(sf.query("select count(*) as n from orders").get(0, "n")).isEqualTo(3L);
        assertThat(opened).hasValue(3);
        assertThat(sessions.get(0).toString()).isNotNull();
        assertThat(isClosed(sessions.get(0))).isTrue();
        assertThat(isClosed(sessions.get(1))).isTrue();
        sf.close();
    }

    @Test
    void eachSessionExpiredCodeIsRetried() {
        for (int code : new int[] {390111, 390112, 390114}) {
            failure = () -> new SQLException("gone", "57000", code);
            SnowflakeConnection sf = connection(Map.of());
            failuresLeft.set(1);
            assertThat(sf.query("select 1 as x").size()).isEqualTo(1);
            sf.close();
        }
        failure = () -> new SQLException("closed", "08003", 200002);
        SnowflakeConnection sf = connection(Map.of());
        failuresLeft.set(1);
        assertThat(sf.query("select 1 as x").size()).isEqualTo(1);
        sf.close();
    }

    @Test
    void afterThreeAttemptsTheFailureIsReportedWithoutSecrets() {
        SnowflakeConnection sf = connection(Map.of("password", "t0p-s3cret"));
        failure = () -> new SQLException("Session expired for password t0p-s3cret", "08001", 390112);
        failuresLeft.set(10);
        assertThatThrownBy(() -> sf.query("select 1 as x"))
                .isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("the Snowflake session expired or was lost; the query failed 3 times")
                .hasMessageNotContaining("t0p-s3cret")
                .satisfies(e -> assertThat(String.valueOf(e.getCause().getMessage())).doesNotContain("t0p-s3cret"));
        assertThat(opened).hasValue(3);
        sf.close();
    }

    @Test
    void otherErrorsAreNotRetried() {
        SnowflakeConnection sf = connection(Map.of());
        failure = () -> new SQLException("SQL compilation error", "42000", 1003);
        failuresLeft.set(1);
        assertThatThrownBy(() -> sf.query("select 1 as x"))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("SQLState 42000")
                .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(1003));
        assertThatThrownBy(() -> sf.query("select * from no_such_table")).isInstanceOf(QueryException.class);
        assertThat(opened).hasValue(1);
        sf.close();
    }

    @Test
    void aMissingParameterFailsBeforeAnythingIsSent() {
        SnowflakeConnection sf = connection(Map.of());
        assertThatThrownBy(() -> sf.query("select * from orders where region = :region", Map.of()))
                .isInstanceOf(QueryException.class).hasMessageContaining(":region");
        assertThat(opened).hasValue(0);
    }

    @Test
    void snowflakePathSyntaxIsNotAParameter() {
        SnowflakeConnection sf = connection(Map.of());
        // H2 has no VARIANT; what matters is that src:price was not taken for :price
        assertThatThrownBy(() -> sf.query("select src:price from orders"))
                .isInstanceOf(QueryException.class).hasMessageNotContaining(":price but");
        sf.close();
    }

    @Test
    void writesAreNeverRetried() {
        SnowflakeConnection sf = connection(Map.of());
        sf.query("select 1 as x");
        failuresLeft.set(1);
        assertThatThrownBy(() -> sf.update("insert into orders values (9, 'EU', 9)", Map.of()))
                .isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("Writes are never retried");
        assertThat(sf.query("select count(*) as n from orders where id = 9").get(0, "n")).isEqualTo(0L);
        sf.close();
    }

    @Test
    void theSharedConnectionSurvivesItsUsersAndAResetWaitsForThem() throws Exception {
        SnowflakeConnection sf = connection(Map.of());
        Connection c = sf.connection();
        try (Statement st = c.createStatement()) {
            st.execute("select 1");
        }
        sf.reset();
        assertThat(isClosed(sessions.get(0))).isFalse(); // still held
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(isClosed(sessions.get(0))).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
        try (Connection again = sf.connection()) {
            assertThat(again.isClosed()).isFalse();
        }
        assertThat(isClosed(sessions.get(1))).isFalse(); // closing the handed-out one leaves the session
        sf.close();
        assertThat(isClosed(sessions.get(1))).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private SnowflakeConnection connection(Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("account", "acct", "user", "u",
                "retry_wait", "PT0.01S"));
        options.putAll(extra);
        return new SnowflakeConnection(SnowflakeTestSupport.context("sf", SnowflakeTestSupport.config(Map.of()),
                options), SnowflakeTestSupport.env(home, Map.of()), (name, target) -> {
                    opened.incrementAndGet();
                    Connection real = DriverManager.getConnection(db);
                    sessions.add(real);
                    return failing(real);
                });
    }

    /** The session, failing prepareStatement while failuresLeft is positive. */
    private Connection failing(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                        throw failure.get();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
