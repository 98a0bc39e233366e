package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cdiconnections.test.LogCapture;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionUnavailableException;

/** A planted password never shows in a message, a stack trace, a toString or a log line of the SQL failure paths. */
class SqlSecretsLeakTest {

    private static final String PASSWORD = "Planted-Pw-7f3a9c";

    /** @return MariaDB's count of refused logins since it started */
    private static long abortedConnects() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
             Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("show global status like 'Aborted_connects'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** @return the message, stack trace and causes of an error, as text */
    static String everything(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w + " " + e;
    }

    @Test
    void aWrongPasswordAgainstMariaDbIsClearAndShowsNoPassword() throws SQLException {
        SQLConnection sql = SqlTestSupport.mariadb(uniqueName("mdbpw"), "password", PASSWORD);
        try (LogCapture log = new LogCapture("").withHikariDebug()) {
            long refusedBefore = abortedConnects();
            assertThatThrownBy(() -> sql.query("select 1"))
                    .isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessageStartingWith("Connection '" + sql.name() + "' (SQLConnection) could not connect to mariadb "
                            + "at jdbc:mariadb://127.0.0.1:3306/test as user 'root': ")
                    .hasMessageContaining("Access denied for user 'root'")
                    .satisfies(e -> assertThat(everything(e)).doesNotContain(PASSWORD));
            assertThat(abortedConnects() - refusedBefore).as("logins MariaDB refused: a refused login is not retried")
                    .isEqualTo(1);
            assertThat(log.printed()).doesNotContain(PASSWORD).contains("cdi-connections-" + sql.name());
            assertThat(sql.toString()).doesNotContain(PASSWORD);
            assertThat(sql.parameters().toString()).doesNotContain(PASSWORD);
        } finally {
            sql.close();
        }
    }

    @Test
    void hikariLogsItsConfigurationWithoutThePasswordOfASqlAlchemyUrl() {
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("hikarilog"),
                SqlTestSupport.options("url", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/test",
                        "pool.maximumPoolSize", "1")));
        try (LogCapture log = new LogCapture("").withHikariDebug()) {
            sql.query("select 1");

            assertThat(log.printed()).contains("jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/test").doesNotContain(PASSWORD);
        } finally {
            sql.close();
        }
    }

    @Test
    void aPasswordInsideAJdbcUrlIsPassedAsAPropertyNotInTheUrl() {
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("jdbcpw"), SqlTestSupport.options(
                "url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=" + PASSWORD,
                "pool.maximumPoolSize", "1")));
        try (LogCapture log = new LogCapture("").withHikariDebug()) {
            assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
            assertThat(sql.raw().getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            assertThat(log.printed()).doesNotContain(PASSWORD);
        } finally {
            sql.close();
        }
    }

    @Test
    void aSqlAlchemyUrlPasswordStaysOutOfEveryFailure() {
        for (List<String> options : List.of(
                List.of("url", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/test"),
                List.of("url", "mssql+pyodbc://sa:" + PASSWORD + "@h/db"),
                List.of("url", "cockroach://u:" + PASSWORD + "@h/db"),
                List.of("url", "postgresql://u:" + PASSWORD + "@h:notaport/db"),
                List.of("url", "postgresql://u:" + PASSWORD + "@127.0.0.1:1/test", "pool.nonsense", "1"))) {
            LogCapture log = new LogCapture("").withHikariDebug();
            SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("leak"),
                    SqlTestSupport.options(options.toArray(String[]::new))));
            try {
                assertThatThrownBy(() -> sql.query("select 1"))
                        .isInstanceOfAny(ConnectionUnavailableException.class, ConnectionConfigException.class)
                        .satisfies(e -> assertThat(everything(e)).doesNotContain(PASSWORD));
                assertThat(log.printed()).doesNotContain(PASSWORD);
            } finally {
                sql.close();
                log.close();
            }
        }
    }
}
