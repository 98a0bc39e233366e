package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.InMemoryOtel;
import io.cdiconnections.test.LocalServer;
import io.cdiconnections.test.LogCapture;
import io.cdiconnections.test.MariaDbAccount;
import io.cdiconnections.test.TestConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * One password, planted in secrets, then every failure path the project has: broken TOML, a
 * wrong password, an unreachable host, bad URLs, a missing driver, invalid options, a failed
 * deployment, Snowflake against a local socket, a failing statement that echoes the value. All
 * log output is captured (the JUL root at every level, which System.Logger and HikariCP's slf4j
 * reach in tests, and System.out and System.err), every OpenTelemetry span and metric the library
 * records (an in-memory SDK), with every exception's full text and every
 * {@code toString()}; the password appears nowhere. PostgreSQL's driver is kept at FINE: its
 * FINEST wire trace shows every parameter value an application sends, by design.
 */
class SecretsNeverLeakTest {

    private static final String PASSWORD = "Pw" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path tmp;

    private final List<String> texts = new ArrayList<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    @Dependent
    public static class LeakyDeployment {
        @Inject
        @Connection(name = "leakcdi")
        SQLConnection sql;
    }

    @Test
    void thePlantedPasswordAppearsInNoLogMessageTraceOrToString() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Logger wire = Logger.getLogger("org.postgresql");
        int spans;
        int metrics;
        try (InMemoryOtel otel = new InMemoryOtel();
             LogCapture log = new LogCapture("").withHikariDebug();
             PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            root.setLevel(Level.ALL);
            // FINE keeps PostgreSQL's "Connecting with URL"; its FINEST wire trace records every byte sent,
            // parameter values included, which is what that level is for
            wire.setLevel(Level.FINE);
            System.setOut(captured);
            System.setErr(captured);
            brokenSecretsFiles();
            fromASecretsFile();
            wrongPasswordOnMariaDb();
            unreachableHostsBadUrlsAndMissingDrivers();
            invalidOptions();
            aFailedDeployment();
            snowflakeAgainstALocalSocket();
            aStatementErrorThatEchoesTheValue();
            aSqlAlchemyUrlKeepsThePasswordOutOfTheJdbcUrl();
            texts.add(log.printed());
            // every span (names, attributes, status messages) and every metric point with its attributes
            spans = otel.spans().size();
            metrics = otel.metrics().size();
            texts.add(otel.spans().toString());
            texts.add(otel.metrics().toString());
        } finally {
            root.setLevel(rootLevel);
            wire.setLevel(null);
            System.setOut(out);
            System.setErr(err);
            TestConfigSource.VALUES.clear();
        }
        texts.add(console.toString(StandardCharsets.UTF_8));
        System.out.printf("leak: %d failure paths %s, %d texts, %d characters searched%n", failures.values().stream()
                .mapToInt(Integer::intValue).sum(), failures, texts.size(), texts.stream().mapToInt(String::length).sum());

        assertThat(failures.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(spans).as("spans recorded").isGreaterThan(20);
        assertThat(metrics).as("metrics recorded").isGreaterThan(5);
        for (String text : texts) {
            int at = Math.max(text.indexOf(PASSWORD), text.indexOf(PASSWORD.substring(2, 14)));
            if (at >= 0) {
                throw new AssertionError("the password in: ..." + text.substring(Math.max(0, at - 600),
                        Math.min(text.length(), at + 100)).replace(PASSWORD, "<PASSWORD>") + "...");
            }
        }
    }

    // ------------------------------------------------------------------ the failure paths

    private void brokenSecretsFiles() throws Exception {
        for (String toml : List.of("[connections.x]\npassword = " + PASSWORD + "\n",
                "[connections.x]\npassword = \"" + PASSWORD + "\n", "password = '" + PASSWORD + "\"\n",
                "password = \"" + PASSWORD + "\\q\"\n", "url = \"postgresql://u:" + PASSWORD + "@h/db\" x\n",
                PASSWORD + "\n", "a = {\r" + PASSWORD + "}\n")) {
            Path file = write("broken.toml", toml);
            expectFailure("bad TOML", () -> secretsSource(file));
        }
    }

    private void fromASecretsFile() throws Exception {
        Path file = write("secrets.toml", "[connections.leakfile]\nurl = \"postgresql://postgres:" + PASSWORD
                + "@127.0.0.1:1/test\"\n");
        try (SecretsConfigSource source = secretsSource(file)) {
            texts.add(source.toString());
            Config config = new SmallRyeConfigBuilder().withSources(source).build();
            SQLConnection sql = new SQLConnection(new ConnectionContext("leakfile", Map.of(), null,
                    Connection.UNBOUNDED, config, ConnectionLifecycle.NONE));
            expectFailure("unreachable host (secrets file)", () -> sql.query("select 1"));
            describe(sql);
            sql.close();
        }
    }

    private void wrongPasswordOnMariaDb() throws Exception {
        String user = "cdi_leak_" + ProcessHandle.current().pid();
        try (MariaDbAccount account = new MariaDbAccount(user, "the-right-one")) {
            secrets("leakmdb", "url", "jdbc:mariadb://127.0.0.1:3306/test", "username", user, "password", PASSWORD);
            SQLConnection sql = Connections.builder("leakmdb").type("sql").get(SQLConnection.class);
            expectFailure("wrong password", () -> sql.query("select 1"));
            expectFailure("wrong password", () -> sql.update("create table t (id int)"));
            expectFailure("wrong password", () -> sql.dataSource().getConnection());
            describe(sql);
        }
    }

    private void unreachableHostsBadUrlsAndMissingDrivers() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("unreachable host", List.of("url", "jdbc:postgresql://127.0.0.1:1/test", "username", "postgres",
                "password", PASSWORD));
        cases.put("unreachable host ", List.of("url", "mysql://root:" + PASSWORD + "@127.0.0.1:1/test"));
        cases.put("bad URL", List.of("url", "postgresql://u:" + PASSWORD + "@h:notaport/db"));
        cases.put("bad URL ", List.of("url", "cockroach://u:" + PASSWORD + "@h/db"));
        cases.put("bad URL  ", List.of("url", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + PASSWORD));
        cases.put("bad URL   ", List.of("url", "jdbc:nosuchdb://h/db", "password", PASSWORD));
        cases.put("unreachable host  ", List.of("url", "jdbc:postgresql://postgres:" + PASSWORD + "@127.0.0.1:1/test"));
        cases.put("unreachable host   ", List.of("url", "jdbc:mariadb://root:" + PASSWORD + "@127.0.0.1:1/test?"
                + "keyStorePassword=" + PASSWORD));
        cases.put("missing driver", List.of("url", "oracle://scott:" + PASSWORD + "@h:1521/orcl"));
        cases.put("missing driver ", List.of("url", "mssql+pyodbc://sa:" + PASSWORD + "@h/db"));
        cases.put("missing driver  ", List.of("dialect", "postgresql", "driver", "com.example.NoDriver", "host",
                "127.0.0.1", "username", "u", "password", PASSWORD));
        cases.forEach((what, options) -> {
            String name = "leak" + failures.values().stream().mapToInt(Integer::intValue).sum();
            Connections.Builder b = Connections.builder(name).type("sql");
            for (int i = 0; i < options.size(); i += 2) {
                b.option(options.get(i), options.get(i + 1));
            }
            expectFailure(what.strip(), () -> {
                SQLConnection sql = b.get(SQLConnection.class);
                try {
                    describe(sql);
                    sql.checkConfiguration();
                    sql.query("select 1");
                } finally {
                    describe(sql);
                }
            });
        });
    }

    private void invalidOptions() {
        List<List<String>> cases = List.of(List.of("pool.nonsense", "1"), List.of("pool.maximumPoolSize", "many"),
                List.of("retry_attempts", "x"), List.of("query_ttl", "soon"),
                List.of("create_engine_kwargs.isolation_level", "weird"), List.of("pool.connectionTimeout", "-5"));
        for (List<String> bad : cases) {
            String name = "leakopt" + failures.getOrDefault("invalid options", 0);
            secrets(name, "url", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/test", bad.get(0), bad.get(1));
            expectFailure("invalid options", () -> {
                SQLConnection sql = Connections.builder(name).type("sql").get(SQLConnection.class);
                describe(sql);
                sql.checkConfiguration();
                sql.query("select 1");
            });
        }
        expectFailure("invalid options", () -> Connections.builder("leakopt").type("sql").option("", PASSWORD).get());
    }

    private void aFailedDeployment() {
        secrets("leakcdi", "type", "sql", "dialect", "postgresql", "password", PASSWORD);
        expectFailure("failed deployment", () -> new Weld().disableDiscovery().addBeanClasses(LeakyDeployment.class)
                .addExtension(new ConnectionExtension()).initialize().close());
    }

    private void snowflakeAgainstALocalSocket() throws Exception {
        for (LocalServer.Mode mode : LocalServer.Mode.values()) {
            try (LocalServer server = new LocalServer(mode)) {
                String name = "leaksf" + mode.ordinal();
                secrets(name, "account", "testacct", "host", "127.0.0.1", "port", Integer.toString(server.port()),
                        "protocol", "http", "user", "tester", "password", PASSWORD, "login_timeout", "3",
                        "network_timeout", "3", "maxHttpRetries", "2", "disablePlatformDetection", "true");
                BaseConnection<?> sf = Connections.builder(name).type("snowflake").get();
                expectFailure("snowflake", sf::raw);
                describe(sf);
                sf.close();
            }
        }
    }

    private void aStatementErrorThatEchoesTheValue() {
        SQLConnection sql = Connections.builder("leakstmt").type("sql").option("url", "jdbc:postgresql://127.0.0.1:5432/test")
                .option("username", "postgres").option("password", PASSWORD).get(SQLConnection.class);
        expectFailure("statement echoing the value", () -> sql.query("select cast(:p as int)", Map.of("p", PASSWORD)));
        expectFailure("statement echoing the value", () -> sql.update("alter user cdi_no_such_user password '" + PASSWORD + "'"));
        describe(sql);
    }

    private void aSqlAlchemyUrlKeepsThePasswordOutOfTheJdbcUrl() {
        secrets("leakurl", "url", "postgresql://postgres:" + PASSWORD + "@127.0.0.1:5432/test");
        SQLConnection sql = Connections.builder("leakurl").type("sql").get(SQLConnection.class);
        assertThat(sql.query("select 1 as one").as(Integer.class)).containsExactly(1);
        texts.add(sql.raw().getJdbcUrl());
        texts.add(sql.raw().toString());
        describe(sql);
        sql.reset();
        failures.merge("SQLAlchemy URL in HikariCP's log", 1, Integer::sum);
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Failing {
        void run() throws Exception;
    }

    /** Runs a call that must fail, keeping the whole text of what it threw. */
    private void expectFailure(String what, Failing call) {
        try {
            call.run();
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            texts.add(e + "\n" + e.getLocalizedMessage() + "\n" + trace);
            failures.merge(what, 1, Integer::sum);
            return;
        }
        throw new AssertionError(what + ": no failure");
    }

    private void describe(BaseConnection<?> c) {
        texts.add(c.toString());
        texts.add(c.context().toString());
        try {
            texts.add(c.parameters().toString());
            texts.add(c.secrets().toString());
        } catch (RuntimeException e) {
            expectFailure("parameters", () -> {
                throw e;
            });
        }
    }

    private static void secrets(String name, String... kv) {
        for (int i = 0; i < kv.length; i += 2) {
            TestConfigSource.VALUES.put("connections." + name + "." + kv[i], kv[i + 1]);
        }
    }

    private Path write(String file, String text) throws Exception {
        Path p = Files.writeString(tmp.resolve(file), text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    /** A secrets source on exactly this file, through {@code secrets.files} as an operator would list it. */
    private static SecretsConfigSource secretsSource(Path file) {
        String before = System.getProperty("secrets.files");
        System.setProperty("secrets.files", file.toString());
        try {
            return new SecretsConfigSource(SecretsNeverLeakTest.class.getClassLoader());
        } finally {
            if (before == null) {
                System.clearProperty("secrets.files");
            } else {
                System.setProperty("secrets.files", before);
            }
        }
    }
}
