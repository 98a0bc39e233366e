package io.cdiconnections.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A MariaDB account of a test's own, so that its sessions can be counted; dropped at close. */
public final class MariaDbAccount implements AutoCloseable {

    private final String user;

    /**
     * Creates the account on the local MariaDB (as root), replacing one of the same name.
     *
     * @param user     the account name, unique to the test
     * @param password its password
     * @throws SQLException when MariaDB refuses
     */
    public MariaDbAccount(String user, String password) throws SQLException {
        this.user = user;
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("drop user if exists '" + user + "'@'127.0.0.1'");
            st.execute("create user '" + user + "'@'127.0.0.1' identified by '" + password + "'");
            st.execute("grant all on test.* to '" + user + "'@'127.0.0.1'");
        }
    }

    /** @return the account's sessions once at most {@code max}, or after 2 s the last count seen */
    public int sessionsSettled(int max) throws SQLException, InterruptedException {
        int sessions = sessions();
        for (int i = 0; i < 40 && sessions > max; i++) {
            Thread.sleep(50);
            sessions = sessions();
        }
        return sessions;
    }

    /** @return the account's sessions now */
    public int sessions() throws SQLException {
        try (Connection admin = admin();
             PreparedStatement ps = admin.prepareStatement(
                     "select count(*) from information_schema.processlist where user = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("drop user if exists '" + user + "'@'127.0.0.1'");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
    }
}
