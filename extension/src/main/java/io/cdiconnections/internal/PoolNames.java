package io.cdiconnections.internal;

/**
 * The one name a connection's pool goes by everywhere: HikariCP's pool name (its threads and
 * logs), PostgreSQL's {@code application_name} (what {@code pg_stat_activity} shows) and the
 * {@code db.client.connection.pool.name} of its telemetry, so the three can be matched.
 */
public final class PoolNames {

    private static final String PREFIX = "cdi-connections-";

    private PoolNames() {
    }

    /**
     * @param connection the connection's name
     * @return the name of its pool
     */
    public static String of(String connection) {
        return PREFIX + connection;
    }
}
