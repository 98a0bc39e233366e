package io.cdiconnections.sqlcdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionUnavailableException;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.TcpRelay;
import io.cdiconnections.test.TestConfigSource;

/**
 * An application whose database is down when it starts: it deploys (deployment checks the
 * configuration, never connectivity), the first use fails clearly and soon, and it works as soon
 * as the database accepts connections, with no restart.
 */
class DatabaseDownAtStartupTest {

    private static final String NAME = "downatstart";

    @Dependent
    public static class Reports {
        @Inject
        @Connection(name = NAME)
        SQLConnection sql;
    }

    @AfterEach
    void clearSecrets() {
        TestConfigSource.VALUES.clear();
    }

    @Test
    void deploysWhileTheDatabaseIsDownFailsClearlyAndWorksOnceItIsUp() throws Exception {
        try (TcpRelay relay = TcpRelay.refusing(5432)) {
            String url = "jdbc:postgresql://127.0.0.1:" + relay.port() + "/test";
            TestConfigSource.VALUES.put("connections." + NAME + ".type", "sql");
            TestConfigSource.VALUES.put("connections." + NAME + ".url", url);
            TestConfigSource.VALUES.put("connections." + NAME + ".username", "postgres");
            try (WeldContainer weld = new Weld().disableDiscovery().addBeanClasses(Reports.class)
                    .addExtension(new ConnectionExtension()).initialize()) {
                SQLConnection sql = weld.select(Reports.class).get().sql;

                long start = System.nanoTime();
                assertThatThrownBy(() -> sql.query("select 1"))
                        .isInstanceOf(ConnectionUnavailableException.class)
                        .hasMessageStartingWith("Connection '" + NAME + "' (SQLConnection) could not connect to "
                                + "postgresql at " + url + " as user 'postgres': ")
                        .hasMessageContaining("refused")
                        .hasMessageEndingWith("; the next use tries again.");
                long failedAfter = (System.nanoTime() - start) / 1_000_000;

                relay.restore();
                start = System.nanoTime();
                assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
                long workedAfter = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("down at startup: first use failed after %d ms, worked %d ms after the "
                        + "database came up%n", failedAfter, workedAfter);
                assertThat(failedAfter).as("ms until the first use failed").isLessThan(7_000);
                assertThat(workedAfter).as("ms of the first query once the database is up").isLessThan(2_000);
            }
        }
    }
}
