package io.cdiconnections.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

import io.cdiconnections.ConnectionException;
import io.cdiconnections.internal.Telemetry;

/**
 * What a SQL connection's pool reports to {@link Telemetry}: {@code db.system.name} from the
 * dialect (OpenTelemetry's names), the database, host and port read from the JDBC URL (never
 * its user information or parameters), and HikariCP's metrics hook on the pool's configuration.
 */
final class SqlObservation {

    /** {@code jdbc:sub[:sub]://[user[:password]@]host[:port][/database]}: only host, port and database are kept. */
    private static final Pattern URL = Pattern.compile(
            "^jdbc:([\\w:]+?)://(?:[^/@?;]*@)?(\\[[^\\]/]+]|[^/:?;,@]+)(?::(\\d{1,5}))?(?:/([^?;/]*))?");
    private static final Pattern SUBPROTOCOL = Pattern.compile("^jdbc:(\\w+)");

    private SqlObservation() {
    }

    /**
     * @param connection the connection name
     * @param target     the pool's target
     * @param config     the pool's configuration: HikariCP's metrics go to the telemetry too
     *                   (unless the user's own pool settings chose a metrics registry)
     * @return what the statements of the new pool go to
     */
    static Telemetry.Database observe(String connection, JdbcTarget target, HikariConfig config) {
        Telemetry telemetry = Telemetry.current();
        if (telemetry == Telemetry.NONE) {
            return Telemetry.Database.NONE;
        }
        String url = target.url();
        Matcher m = URL.matcher(url);
        boolean remote = m.find();
        String address = remote ? m.group(2).replace("[", "").replace("]", "") : null;
        int port = remote && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        String namespace = remote && m.group(4) != null && !m.group(4).isEmpty() ? m.group(4) : null;
        Telemetry.Database db = telemetry.database(connection, system(target), namespace, address, port);
        if (db.poolMetrics() instanceof MetricsTrackerFactory f && config.getMetricRegistry() == null
                && config.getMetricsTrackerFactory() == null) {
            config.setMetricsTrackerFactory(f);
        }
        return db;
    }

    /**
     * @param span the span of a statement that failed
     * @param e    the failure, as it will be thrown
     * @return the failure, after the span was told: a message of ours only (redacted), never another's
     */
    static RuntimeException failed(Telemetry.Span span, RuntimeException e) {
        span.fail(e instanceof ConnectionException ? e.getMessage() : null, e);
        return e;
    }

    /**
     * Tells the span of a statement or transaction that it failed, whatever the failure: a
     * database error as {@link Failures#text} words it (secrets removed), a message of ours as
     * it is, anything else with no message.
     *
     * @param span     the span of the work that failed
     * @param e        the failure, as it will be thrown
     * @param failures the connection's failure wording
     */
    static void failed(Telemetry.Span span, Throwable e, Failures failures) {
        String text = e instanceof java.sql.SQLException ? failures.text(e)
                : e instanceof ConnectionException ? e.getMessage() : null;
        span.fail(text, e);
    }

    /** @return OpenTelemetry's {@code db.system.name} of the target */
    static String system(JdbcTarget target) {
        if (target.dialect() != null) {
            return switch (target.dialect()) {
                case POSTGRESQL -> "postgresql";
                case MYSQL -> "mysql";
                case MARIADB -> "mariadb";
                case MSSQL -> "microsoft.sql_server";
                case ORACLE -> "oracle.db";
                case SQLITE -> "sqlite";
                case H2 -> "h2database";
                case DUCKDB -> "duckdb";
                case SNOWFLAKE -> "snowflake";
            };
        }
        Matcher m = SUBPROTOCOL.matcher(target.url());
        String sub = m.find() ? m.group(1) : "";
        return switch (sub) {
            case "h2" -> "h2database";
            case "hsqldb" -> "hsqldb";
            case "derby" -> "derby";
            case "db2" -> "ibm.db2";
            case "trino" -> "trino";
            case "clickhouse" -> "clickhouse";
            default -> "other_sql";
        };
    }
}
