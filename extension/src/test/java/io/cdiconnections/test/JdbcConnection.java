package io.cdiconnections.test;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/** A minimal JDBC connection type (one java.sql.Connection as the raw instance), for tests on H2. */
public class JdbcConnection extends BaseConnection<java.sql.Connection> {

    public JdbcConnection(ConnectionContext context) {
        super(context);
    }

    protected JdbcConnection() {
    }

    @Override
    protected java.sql.Connection connect(ConnectionParameters params) throws SQLException {
        return DriverManager.getConnection(params.require("url"), params.get("username").orElse("sa"),
                params.get("password").orElse(""));
    }

    @Override
    protected Set<String> knownKeys() {
        return Set.of("url", "username", "password");
    }

    @Override
    protected void validate(ConnectionParameters params) {
        params.require("url");
    }

    /**
     * @param sql a query returning one number
     * @return the number
     * @throws SQLException when the query fails
     */
    public long queryLong(String sql) throws SQLException {
        return use(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
