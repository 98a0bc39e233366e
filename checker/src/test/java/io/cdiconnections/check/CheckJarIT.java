package io.cdiconnections.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar cdi-connections-check.jar}, the shaded jar the build made, run in a child JVM
 * on good and bad secrets files: exit codes, what it prints, and never a password.
 */
class CheckJarIT {

    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    private static final String ACCOUNT = "check_jar_it";
    private static final String ACCOUNT_PASSWORD = "Acc0unt-pw-never-shown";
    private static final String WRONG_PASSWORD = "Wr0ng-pw-never-shown";

    @TempDir
    Path dir;

    private CheckJar check;

    @BeforeEach
    void jar() {
        check = new CheckJar(dir);
    }

    private Path write(String name, String toml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, toml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void aGoodFileConnectsToH2AndExitsZero() throws Exception {
        Path file = write("good.toml", """
                [connections.sql]
                url = "jdbc:h2:mem:check_jar"
                username = "sa"
                """);
        CheckJar.Run run = check.jar("--connect", file.toString());
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("  " + file)
                .contains("Connection 'sql': io.cdiconnections.sql.SQLConnection")
                .containsPattern("url +from " + Pattern.quote(file.toString()))
                .contains("configuration OK")
                .containsPattern("  sql: UP in \\d+ ms")
                .endsWith("1 connection, 0 problems.\n");
    }

    @Test
    void everyBundledDriverConnectsWithNothingElseOnTheClassPath() throws Exception {
        Path file = write("bundled.toml", """
                [connections.h2]
                type = "sql"
                url = "jdbc:h2:mem:check_jar_bundled"

                [connections.pg]
                type = "sql"
                dialect = "postgresql"
                host = "127.0.0.1"
                database = "test"
                username = "postgres"

                [connections.maria]
                type = "sql"
                url = "%s"
                username = "root"
                """.formatted(MARIADB_URL));
        CheckJar.Run run = check.jar("--connect", file.toString());
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("  h2: UP in \\d+ ms").containsPattern("  pg: UP in \\d+ ms")
                .containsPattern("  maria: UP in \\d+ ms").endsWith("3 connections, 0 problems.\n");
    }

    @Test
    void aWrongMariaDbPasswordIsDownWithExitOneAndNoPasswordShown() throws Exception {
        Path file = write("maria.toml", """
                [connections.maria]
                type = "sql"
                url = "%s"
                username = "%s"
                password = "%s"
                """.formatted(MARIADB_URL, ACCOUNT, WRONG_PASSWORD));
        CheckJar.Run run;
        try (Connection root = DriverManager.getConnection(MARIADB_URL, "root", "");
             Statement admin = root.createStatement()) {
            // an account that exists, with another password: MariaDB refuses the password, not the user
            admin.execute("drop user if exists '" + ACCOUNT + "'@'127.0.0.1'");
            admin.execute("create user '" + ACCOUNT + "'@'127.0.0.1' identified by '" + ACCOUNT_PASSWORD + "'");
            try {
                run = check.jar("--connect", file.toString());
            } finally {
                admin.execute("drop user if exists '" + ACCOUNT + "'@'127.0.0.1'");
            }
        }
        assertThat(run.code()).as(run.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(run.out()).contains("configuration OK")
                .containsPattern("  maria: DOWN in \\d+ ms \\(connect failed\\): .*Access denied for user '"
                        + ACCOUNT + "'")
                .contains("password  from " + file)
                .doesNotContain(WRONG_PASSWORD).doesNotContain(ACCOUNT_PASSWORD)
                .endsWith("1 connection, 1 problem.\n");
    }

    @Test
    void brokenTomlNamesTheFileAndExitsOne() throws Exception {
        Path file = write("broken.toml", """
                [connections.sql]
                url = "jdbc:h2:mem:check_jar_broken"
                password = "%s
                """.formatted(WRONG_PASSWORD));
        CheckJar.Run run = check.jar(file.toString());
        assertThat(run.code()).as(run.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(run.out()).startsWith("ERROR Invalid TOML in secrets file " + file).contains("line 3")
                .doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void aWrongCommandLineExitsTwoWithTheUsage() throws Exception {
        CheckJar.Run unknown = check.jar("--frobnicate");
        assertThat(unknown.code()).as(unknown.out()).isEqualTo(SecretsCheck.USAGE);
        assertThat(unknown.out()).contains("Unknown option --frobnicate")
                .contains("Usage: java -jar cdi-connections-check.jar [--connect]");
        CheckJar.Run timeout = check.jar("--timeout", "soon");
        assertThat(timeout.code()).as(timeout.out()).isEqualTo(SecretsCheck.USAGE);
        assertThat(timeout.out()).contains("--timeout takes a duration");
    }

    @Test
    void aDriverTheJarLacksIsAddedOnTheClassPath() throws Exception {
        Path file = write("lite.toml", """
                [connections.lite]
                type = "sql"
                url = "jdbc:sqlite:%s"
                """.formatted(dir.resolve("lite.db")));
        CheckJar.Run without = check.jar("--connect", file.toString());
        assertThat(without.code()).as(without.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(without.out()).contains("no JDBC driver for the sqlite dialect", "org.xerial:sqlite-jdbc",
                "java -cp cdi-connections-check.jar:<its jar> io.cdiconnections.check.SecretsCheck");

        Path sqlite = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        CheckJar.Run with = check.classPath(sqlite, "--connect", file.toString());
        assertThat(with.code()).as(with.out()).isZero();
        assertThat(with.out()).containsPattern("  lite: UP in \\d+ ms");
    }

    @Test
    void aWarIsCheckedByTheJarAloneWithItsOwnSecretsAndConnectionClass() throws Exception {
        Path war = TestWar.pack(TestWar.exploded(dir, """
                [connections.sql]
                url = "jdbc:h2:mem:check_jar_war"

                [connections.cache]
                host = "localhost"
                """, TestWar.PET_RESOURCE, TestWar.KEY_VALUE_CONNECTION, TestWar.CACHE_SERVICE),
                dir.resolve("pets.war"));
        CheckJar.Run run = check.jar("--connect", "--war", war.toString());
        assertThat(run.code()).as(run.out()).isEqualTo(SecretsCheck.OK);
        assertThat(run.out()).contains("  " + war + "!/WEB-INF/classes/.streamlit/secrets.toml\n")
                .contains("@Connection injection points in " + war + ": 2\n")
                .contains("Injection point com.example.pets.CacheService(constructor) parameter 1: "
                        + "@Connection(name = \"cache\") com.example.pets.KeyValueConnection\n"
                        + "  connection 'cache': com.example.pets.KeyValueConnection\n  configuration OK\n")
                .containsPattern("  cache: UP in \\d+ ms\n  sql: UP in \\d+ ms\n")
                .endsWith("2 connections, 2 injection points, 0 problems.\n");

        Path untyped = write("untyped.toml", "[connections.cache]\nhost = \"localhost\"\n");
        CheckJar.Run without = check.jar(untyped.toString());
        assertThat(without.code()).as(without.out()).isEqualTo(SecretsCheck.NOT_CHECKED);
        assertThat(without.out()).contains("Connection 'cache': not checked").endsWith(", 1 not checked.\n");
    }

    @Test
    void theJarRunsSecretsCheckAndHoldsNoServerSideParts() throws IOException {
        try (JarFile jar = new JarFile(CheckJar.JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(SecretsCheck.class.getName());
            String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(drivers).contains("org.h2.Driver", "org.postgresql.Driver", "org.mariadb.jdbc.Driver");
            assertThat(jar.stream().map(e -> e.getName()))
                    .contains("io/cdiconnections/check/SecretsCheck.class",
                            "io/cdiconnections/config/SecretsConfigSource.class", "org/tomlj/Toml.class",
                            "org/eclipse/microprofile/config/Config.class", "com/zaxxer/hikari/HikariDataSource.class",
                            "org/jboss/jandex/Indexer.class")
                    .noneMatch(n -> n.startsWith("jakarta/") || n.startsWith("io/smallrye/")
                            || n.startsWith("org/jboss/weld/") || n.endsWith(".SF") || n.endsWith(".RSA")
                            || n.equals("META-INF/services/jakarta.enterprise.inject.spi.Extension"));
        }
    }
}
