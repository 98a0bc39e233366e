package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.cdiconnections.ConnectionParameters;

/**
 * SQLAlchemy URLs (and the separate keys of Streamlit's tutorials) turned into JDBC: one row per
 * URL, across every dialect, with the drivers present or absent as the row says.
 */
class SqlUrlTranslationTest {

    private static final String PG = "org.postgresql.Driver";
    private static final String MARIADB = "org.mariadb.jdbc.Driver";
    private static final String MYSQL = "com.mysql.cj.jdbc.Driver";
    private static final String MSSQL = "com.microsoft.sqlserver.jdbc.SQLServerDriver";
    private static final String ORACLE = "oracle.jdbc.OracleDriver";

    /** One translation: secrets keys in, JDBC out. */
    record Case(String name, Map<String, String> keys, Set<String> absentDrivers, String jdbcUrl, String driver,
                String user, String password, Map<String, String> props) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case url(String url, String jdbcUrl, String driver, String user, String password, String... props) {
        return keys(url, Map.of("url", url), Set.of(), jdbcUrl, driver, user, password, props);
    }

    static Case keys(String name, Map<String, String> keys, Set<String> absent, String jdbcUrl, String driver,
                     String user, String password, String... props) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < props.length; i += 2) {
            p.put(props[i], props[i + 1]);
        }
        return new Case(name, keys, absent, jdbcUrl, driver, user, password, p);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // PostgreSQL
                url("postgresql://scott:tiger@localhost:5432/mydb", "jdbc:postgresql://localhost:5432/mydb", PG, "scott", "tiger"),
                url("postgresql+psycopg2://scott:tiger@localhost/mydb", "jdbc:postgresql://localhost/mydb", PG, "scott", "tiger"),
                url("postgresql+psycopg://app:s3cret@db.example.com:6543/app", "jdbc:postgresql://db.example.com:6543/app", PG, "app", "s3cret"),
                url("postgresql+asyncpg://u:pw1@pg/db", "jdbc:postgresql://pg/db", PG, "u", "pw1"),
                url("postgresql+pg8000://u:pw2@pg:5433/db", "jdbc:postgresql://pg:5433/db", PG, "u", "pw2"),
                url("postgres://u:pw3@h/db", "jdbc:postgresql://h/db", PG, "u", "pw3"),
                url("postgresql://neondb_owner:xxxxxxxxxxxx@ep-adjective-noun-xxxxxxxx.us-east-2.aws.neon.tech/neondb?sslmode=require",
                        "jdbc:postgresql://ep-adjective-noun-xxxxxxxx.us-east-2.aws.neon.tech/neondb", PG, "neondb_owner",
                        "xxxxxxxxxxxx", "sslmode", "require"),
                url("postgresql://user%40corp:p%40ss%3Aw%2Frd%25@h:5432/db", "jdbc:postgresql://h:5432/db", PG, "user@corp", "p@ss:w/rd%"),
                url("postgresql://u:a+b@h/db", "jdbc:postgresql://h/db", PG, "u", "a+b"),
                url("postgresql://u:pw4@[::1]:5432/db", "jdbc:postgresql://[::1]:5432/db", PG, "u", "pw4"),
                url("postgresql://u:pw5@[2001:db8::7]/db", "jdbc:postgresql://[2001:db8::7]/db", PG, "u", "pw5"),
                url("postgresql://u:pw6@h/db?connect_timeout=10&application_name=my+app", "jdbc:postgresql://h/db", PG, "u", "pw6",
                        "connectTimeout", "10", "ApplicationName", "my app"),
                url("postgresql://reader@h/db", "jdbc:postgresql://h/db", PG, "reader", null),
                // MySQL and MariaDB
                url("mysql://me:****@localhost:3306/local_db", "jdbc:mysql://localhost:3306/local_db", MYSQL, "me", "****"),
                url("mysql://jdoe:******@staging.acmecorp.com:3306/staging_db", "jdbc:mysql://staging.acmecorp.com:3306/staging_db",
                        MYSQL, "jdoe", "******"),
                keys("mysql without Connector/J uses MariaDB Connector/J", Map.of("url", "mysql://me:pw7@localhost:3306/local_db"),
                        Set.of(MYSQL), "jdbc:mariadb://localhost:3306/local_db", MARIADB, "me", "pw7"),
                url("mysql+pymysql://u:pw8@h/db?charset=utf8mb4", "jdbc:mysql://h/db", MYSQL, "u", "pw8", "characterEncoding", "utf8mb4"),
                keys("mysql charset is dropped for MariaDB Connector/J", Map.of("url", "mysql+pymysql://u:pw9@h/db?charset=utf8mb4"),
                        Set.of(MYSQL), "jdbc:mariadb://h/db", MARIADB, "u", "pw9"),
                url("mysql+mysqldb://u:pw10@h:3307/db", "jdbc:mysql://h:3307/db", MYSQL, "u", "pw10"),
                url("mysql+mysqlconnector://u:pw11@h/db?connect_timeout=3", "jdbc:mysql://h/db", MYSQL, "u", "pw11", "connectTimeout", "3000"),
                url("mariadb+mariadbconnector://u:pw12@h/db", "jdbc:mariadb://h/db", MARIADB, "u", "pw12"),
                keys("mariadb without MariaDB Connector/J uses Connector/J", Map.of("url", "mariadb://u:pw13@h/db"), Set.of(MARIADB),
                        "jdbc:mysql://h/db", MYSQL, "u", "pw13"),
                // SQL Server
                url("mssql+pyodbc://sa:Secret-14@sqlhost:1433/master?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes",
                        "jdbc:sqlserver://sqlhost:1433;databaseName=master", MSSQL, "sa", "Secret-14", "trustServerCertificate", "true"),
                url("mssql+pymssql://u:pw15@h/db", "jdbc:sqlserver://h;databaseName=db", MSSQL, "u", "pw15"),
                // Oracle
                url("oracle+oracledb://scott:tiger16@orahost:1521/?service_name=FREEPDB1", "jdbc:oracle:thin:@//orahost:1521/FREEPDB1",
                        ORACLE, "scott", "tiger16"),
                url("oracle+cx_oracle://scott:tiger17@orahost:1521/ORCL", "jdbc:oracle:thin:@orahost:1521:ORCL", ORACLE, "scott", "tiger17"),
                url("oracle://scott:tiger18@mytns", "jdbc:oracle:thin:@mytns", ORACLE, "scott", "tiger18"),
                // SQLite (connecting-to-data.toml), H2, DuckDB
                url("sqlite:///pets.db", "jdbc:sqlite:pets.db", "org.sqlite.JDBC", null, null),
                url("sqlite:////var/data/pets.db", "jdbc:sqlite:/var/data/pets.db", "org.sqlite.JDBC", null, null),
                url("sqlite://", "jdbc:sqlite::memory:", "org.sqlite.JDBC", null, null),
                url("sqlite:///:memory:", "jdbc:sqlite::memory:", "org.sqlite.JDBC", null, null),
                url("h2:///mem:test", "jdbc:h2:mem:test", "org.h2.Driver", null, null),
                url("h2:///data/app", "jdbc:h2:./data/app", "org.h2.Driver", null, null),
                url("h2://sa:pw19@dbhost:9092/~/app", "jdbc:h2:tcp://dbhost:9092/~/app", "org.h2.Driver", "sa", "pw19"),
                url("duckdb:///analytics.duckdb", "jdbc:duckdb:analytics.duckdb", "org.duckdb.DuckDBDriver", null, null),
                url("duckdb:///:memory:", "jdbc:duckdb:", "org.duckdb.DuckDBDriver", null, null),
                // Snowflake (snowflake-sqlalchemy.toml)
                keys("snowflake-sqlalchemy.toml", Map.of("url", "snowflake://<user_login_name>@<account_identifier>/",
                                "create_engine_kwargs.connect_args.authenticator", "externalbrowser",
                                "create_engine_kwargs.connect_args.warehouse", "xxx", "create_engine_kwargs.connect_args.role", "xxx"),
                        Set.of(), "jdbc:snowflake://<account_identifier>.snowflakecomputing.com/", "net.snowflake.client.jdbc.SnowflakeDriver",
                        "<user_login_name>", null, "authenticator", "externalbrowser", "warehouse", "xxx", "role", "xxx"),
                url("snowflake://u:pw20@xy12345.eu-central-1/SALES/PUBLIC?warehouse=WH&role=ANALYST",
                        "jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/", "net.snowflake.client.jdbc.SnowflakeDriver",
                        "u", "pw20", "db", "SALES", "schema", "PUBLIC", "warehouse", "WH", "role", "ANALYST"),
                // separate keys, as in Streamlit's tutorials
                keys("postgresql.toml", Map.of("dialect", "postgresql", "host", "localhost", "port", "5432", "database", "xxx",
                        "username", "xxx", "password", "pw21"), Set.of(), "jdbc:postgresql://localhost:5432/xxx", PG, "xxx", "pw21"),
                keys("mysql.toml", Map.of("dialect", "mysql", "host", "localhost", "port", "3306", "database", "xxx",
                        "username", "xxx", "password", "pw22", "query.charset", "xxx"), Set.of(),
                        "jdbc:mysql://localhost:3306/xxx", MYSQL, "xxx", "pw22", "characterEncoding", "xxx"),
                keys("tidb.toml", Map.of("dialect", "mysql", "driver", "pymysql", "host", "<TiDB_cluster_host>", "port", "4000",
                                "database", "pets", "username", "<TiDB_cluster_user>", "password", "pw23",
                                "create_engine_kwargs.connect_args.ssl.ca", "<path_to_CA_store>"), Set.of(MYSQL),
                        "jdbc:mariadb://<TiDB_cluster_host>:4000/pets", MARIADB, "<TiDB_cluster_user>", "pw23",
                        "sslMode", "verify-ca", "serverSslCert", "<path_to_CA_store>"),
                keys("h2 needs only a database", Map.of("dialect", "h2", "database", "mem:parts"), Set.of(), "jdbc:h2:mem:parts",
                        "org.h2.Driver", null, null),
                keys("a JDBC URL is used as it is", Map.of("url", "jdbc:postgresql://h:5432/db?ssl=true", "username", "u",
                        "password", "pw24"), Set.of(), "jdbc:postgresql://h:5432/db?ssl=true", PG, "u", "pw24"),
                keys("a Java class in driver is the driver", Map.of("dialect", "postgresql", "driver", "com.example.PgDriver",
                        "host", "h", "username", "u"), Set.of(), "jdbc:postgresql://h/", "com.example.PgDriver", "u", null),
                keys("keys override the URL's parts", Map.of("url", "postgresql://u:old-pw@h/db?sslmode=require", "password", "pw25",
                        "host", "other", "port", "5439", "query.sslmode", "disable"), Set.of(), "jdbc:postgresql://other:5439/db",
                        PG, "u", "pw25", "sslmode", "disable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translatesToJdbc(Case c) {
        JdbcTarget t = JdbcTarget.resolve(ConnectionParameters.of("t", c.keys()), cls -> !c.absentDrivers().contains(cls));

        assertThat(t.url()).isEqualTo(c.jdbcUrl());
        assertThat(t.driver().className()).isEqualTo(c.driver());
        assertThat(t.username()).isEqualTo(c.user());
        assertThat(t.password()).isEqualTo(c.password());
        assertThat(t.properties()).containsAllEntriesOf(c.props());
        if (c.password() != null) {
            assertThat(t.url()).doesNotContain(c.password());
            assertThat(t.toString()).doesNotContain(c.password());
            assertThat(t.properties()).doesNotContainValue(c.password());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void userInfoNeverReachesTheJdbcUrl(Case c) {
        JdbcTarget t = JdbcTarget.resolve(ConnectionParameters.of("t", c.keys()), cls -> !c.absentDrivers().contains(cls));

        assertThat(t.url()).doesNotContain("@" + (c.user() == null ? "\u0000" : c.user()));
        assertThat(t.describe()).doesNotContain(c.password() == null || c.password().startsWith("*") ? "\u0000" : c.password());
    }
}
