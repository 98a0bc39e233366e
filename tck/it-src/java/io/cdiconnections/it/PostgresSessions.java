package io.cdiconnections.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What PostgreSQL itself says about an application's sessions: {@code pg_stat_activity}. */
public final class PostgresSessions {

    private PostgresSessions() {
    }

    /**
     * @param applicationName the {@code ApplicationName} the application's pool sets
     * @return how many sessions with that name are open now
     * @throws SQLException when PostgreSQL cannot be asked
     */
    public static int count(String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from pg_stat_activity where application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /**
     * Waits, a bounded time, for the sessions of an application to close.
     *
     * @param applicationName the {@code ApplicationName}
     * @return how many are left when they are all gone or the time is up
     * @throws Exception when PostgreSQL cannot be asked, or on interruption
     */
    public static int awaitNone(String applicationName) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int left = count(applicationName);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = count(applicationName);
        }
        return left;
    }
}
