package io.cdiconnections.sql;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;

/**
 * One plain JDBC connection, opened and closed before a pool is created while the database is
 * known to be unreachable. HikariCP's own start-up check pauses a second after a refused
 * connection before it reports it; during an outage that second would be added to every retry
 * and to the recovery after it. Only then: a healthy start makes no extra login.
 */
final class ReachabilityCheck {

    private ReachabilityCheck() {
    }

    /**
     * @param config the pool's configuration, after {@link PoolSettings#hideSecrets}: its driver data source is used
     * @throws SQLException when the database refuses or cannot be reached
     */
    static void check(HikariConfig config) throws SQLException {
        if (!(config.getDataSource() instanceof DriverDataSource driver)) {
            return; // a DataSource class of the user's own: let the pool make its connections
        }
        try (Connection c = driver.getConnection()) {
            // reachable: the pool makes its own connections
        }
    }
}
