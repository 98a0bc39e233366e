package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.test.LogCapture;
import io.cdiconnections.test.MariaDbAccount;

/**
 * A password written in a JDBC URL's user info ({@code jdbc:postgresql://user:password@host/db})
 * goes to the driver as a property: it is in no exception, no HikariCP DEBUG line and no
 * PostgreSQL driver log line at FINEST, and a right one still logs in (MariaDB checks it; the
 * local PostgreSQL trusts, so there the user is what proves the user info was read).
 */
class UserInfoPasswordTest {

    private static final String PASSWORD = "Ui" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @Test
    void aUserInfoPasswordIsInNoExceptionAndNoLogOfAFailedConnect() {
        for (List<String> options : List.of(
                List.of("url", "jdbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/test"),
                List.of("url", "jdbc:postgresql://cdi_no_such_role:" + PASSWORD + "@127.0.0.1:5432/test"),
                List.of("url", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/test"),
                List.of("url", "jdbc:mariadb://root:" + PASSWORD + "@127.0.0.1:1/test"),
                List.of("url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + PASSWORD + "&ssl=false"),
                List.of("url", "jdbc:postgresql://127.0.0.1:1/test?sslpassword=" + PASSWORD),
                List.of("url", "jdbc:mysql://root:" + PASSWORD + "@127.0.0.1:1/test"),
                List.of("url", "jdbc:oracle:thin:scott/" + PASSWORD + "@127.0.0.1:1521:orcl"))) {
            String everything = failedConnectOutput(options);
            assertThat(everything).as("%s", options.get(1).replace(PASSWORD, "<PASSWORD>"))
                    .doesNotContain(PASSWORD).doesNotContain(PASSWORD.substring(2, 12));
        }
    }

    @Test
    void aRightUserInfoPasswordLogsInAndAWrongOneIsRefusedOnMariaDb() throws Exception {
        String user = "cdi_ui_" + ProcessHandle.current().pid();
        try (MariaDbAccount account = new MariaDbAccount(user, PASSWORD)) {
            SQLConnection right = new SQLConnection(ConnectionContext.of(uniqueName("uiright"), SqlTestSupport.options(
                    "url", "jdbc:mariadb://" + user + ":" + PASSWORD + "@127.0.0.1:3306/test", "pool.maximumPoolSize", "1")));
            SQLConnection wrong = new SQLConnection(ConnectionContext.of(uniqueName("uiwrong"), SqlTestSupport.options(
                    "url", "jdbc:mariadb://" + user + ":not-" + PASSWORD + "@127.0.0.1:3306/test")));
            try (LogCapture log = new LogCapture("").withHikariDebug()) {
                assertThat(right.query("select current_user() as u").as(String.class))
                        .singleElement().asString().startsWith(user + "@");
                assertThatThrownBy(() -> wrong.query("select 1"))
                        .isInstanceOf(ConnectionUnavailableException.class)
                        .hasMessageContaining("as user '" + user + "'").hasMessageContaining("Access denied")
                        .satisfies(e -> assertThat(SqlSecretsLeakTest.everything(e)).doesNotContain(PASSWORD));
                assertThat(log.printed()).doesNotContain(PASSWORD);
            } finally {
                right.close();
                wrong.close();
            }
        }
    }

    @Test
    void theUserOfAUserInfoIsTheRoleThatLogsInToPostgresql() throws Exception {
        String role = "cdi_ui_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(SqlTestSupport.PG_URL, "postgres", "");
             Statement st = admin.createStatement()) {
            st.execute("drop role if exists " + role);
            st.execute("create role " + role + " login password '" + PASSWORD + "'");
            SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("uipg"), SqlTestSupport.options(
                    "url", "jdbc:postgresql://" + role + ":" + PASSWORD + "@127.0.0.1:5432/test",
                    "pool.maximumPoolSize", "1")));
            Logger wire = Logger.getLogger("org.postgresql");
            try (LogCapture log = new LogCapture("").withHikariDebug()) {
                wire.setLevel(Level.FINEST);
                assertThat(sql.query("select current_user as u").as(String.class)).containsExactly(role);
                assertThat(sql.raw().getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
                assertThat(log.printed()).contains("jdbc:postgresql://127.0.0.1:5432/test").doesNotContain(PASSWORD);
            } finally {
                wire.setLevel(null);
                sql.close();
                st.execute("drop role if exists " + role);
            }
        }
    }

    /** The exception's text and everything logged (HikariCP at DEBUG, PostgreSQL's driver at FINEST). */
    private static String failedConnectOutput(List<String> options) {
        Logger wire = Logger.getLogger("org.postgresql");
        LogCapture log = new LogCapture("").withHikariDebug();
        wire.setLevel(Level.FINEST);
        SQLConnection sql = new SQLConnection(ConnectionContext.of(uniqueName("ui"),
                SqlTestSupport.options(options.toArray(String[]::new))));
        StringBuilder sb = new StringBuilder();
        try {
            assertThatThrownBy(() -> sql.query("select 1"))
                    .isInstanceOfAny(ConnectionUnavailableException.class, ConnectionConfigException.class)
                    .satisfies(e -> sb.append(SqlSecretsLeakTest.everything(e)));
            sb.append(sql).append(sql.context()).append(log.printed());
        } finally {
            wire.setLevel(null);
            sql.close();
            log.close();
        }
        return sb.toString();
    }
}
