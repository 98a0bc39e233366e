package io.cdiconnections.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * {@code --war}: the checker finds the application's {@code @Connection} injection points in its
 * class files, resolves and validates each as deployment does, with the application's own
 * connection classes and class-path secrets, and says what it could not check.
 */
class SecretsCheckWarTest {

    @TempDir
    Path dir;

    private record Result(int code, String out) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = SecretsCheck.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of("user.home", dir.toString()), Map.of());
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String toml) throws IOException {
        return Files.writeString(dir.resolve(name), toml);
    }

    @Test
    void aGoodWarExitsZeroAndNamesEveryInjectionPointWithItsResolvedType() throws IOException {
        Path war = TestWar.pack(TestWar.exploded(dir, """
                [connections.sql]
                url = "jdbc:h2:mem:war_good"
                """, TestWar.PET_RESOURCE), dir.resolve("pets.war"));
        Path local = write("local.toml", "[connections.sql]\nusername = \"sa\"\n");
        Result r = run("--war", war.toString(), local.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.OK);
        assertThat(r.out())
                .contains("  " + war + "!/WEB-INF/classes/.streamlit/secrets.toml\n  " + local.toAbsolutePath() + "\n")
                .contains("@Connection injection points in " + war + ": 1\n"
                        + "Injection point com.example.pets.PetResource.sql: @Connection(name = \"sql\") "
                        + "io.cdiconnections.sql.SQLConnection\n"
                        + "  connection 'sql': io.cdiconnections.sql.SQLConnection\n  configuration OK\n")
                .containsPattern("url +from " + java.util.regex.Pattern.quote(war + "!/WEB-INF/classes/"))
                .containsPattern("username +from " + java.util.regex.Pattern.quote(local.toAbsolutePath().toString()))
                .doesNotContain("cdi-connections-check") // the temporary folder is named as the WAR
                .endsWith("1 connection, 1 injection point, 0 problems.\n");
    }

    @Test
    void aSectionWithoutTypeIsNotCheckedWithoutTheWarAndCheckedThroughTheWarsInjectionPoint() throws Exception {
        Path secrets = write("cache.toml", "[connections.cache]\nport = \"6379\"\n");
        Result without = run(secrets.toString());
        assertThat(without.code()).as(without.out()).isEqualTo(SecretsCheck.NOT_CHECKED);
        assertThat(without.out()).contains("Connection 'cache': not checked: type not set (no type key in "
                        + "[connections.cache] and not a short name)")
                .contains("give the application: --war app.war")
                .endsWith("1 connection, 0 problems, 1 not checked.\n");

        Path war = TestWar.exploded(dir, null, TestWar.KEY_VALUE_CONNECTION, TestWar.CACHE_SERVICE);
        assertThatThrownBy(() -> Class.forName("com.example.pets.KeyValueConnection"))
                .as("the connection class is the WAR's, not the checker's").isInstanceOf(ClassNotFoundException.class);
        Result missingHost = run("--war", war.toString(), secrets.toString());
        assertThat(missingHost.code()).as(missingHost.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(missingHost.out())
                .contains("Injection point com.example.pets.CacheService(constructor) parameter 1: "
                        + "@Connection(name = \"cache\") com.example.pets.KeyValueConnection\n"
                        + "  connection 'cache': com.example.pets.KeyValueConnection\n"
                        + "  PROBLEM Injection point CacheService(constructor) parameter 1: ")
                .contains("host")
                .contains("Connection 'cache': com.example.pets.KeyValueConnection (as injection point "
                        + "com.example.pets.CacheService(constructor) parameter 1 resolves it, checked there)")
                .endsWith("1 connection, 1 injection point, 1 problem.\n");

        Path good = write("cache-good.toml", "[connections.cache]\nhost = \"localhost\"\n");
        Result checked = run("--war", war.toString(), good.toString());
        assertThat(checked.code()).as(checked.out()).isEqualTo(SecretsCheck.OK);
        assertThat(checked.out()).contains("  configuration OK\n").containsPattern("host +from ")
                .endsWith("1 connection, 1 injection point, 0 problems.\n");
    }

    @Test
    void aSectionNoInjectionPointNamesIsStillNotCheckedWithTheWar() throws IOException {
        Path war = TestWar.exploded(dir, "[connections.sql]\nurl = \"jdbc:h2:mem:war_orphan\"\n",
                TestWar.PET_RESOURCE);
        Path secrets = write("orphan.toml", "[connections.reports]\ntoken = \"t\"\n");
        Result r = run("--war", war.toString(), secrets.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.NOT_CHECKED);
        assertThat(r.out()).contains("Connection 'reports': not checked: type not set")
                .contains("no @Connection injection point of " + war + " names it")
                .endsWith("2 connections, 1 injection point, 0 problems, 1 not checked.\n");
    }

    @Test
    void deploymentProblemsAreReportedInTheDeploymentsWordsNamingEachInjectionPoint() throws IOException {
        Path war = TestWar.pack(TestWar.exploded(dir, """
                [connections.sql]
                type = "sql"
                url = "jdbc:h2:mem:war_bad"

                [connections.cache]
                host = "localhost"
                """, TestWar.KEY_VALUE_CONNECTION, """
                package com.example.pets;

                import jakarta.enterprise.inject.Instance;
                import jakarta.inject.Inject;
                import io.cdiconnections.BaseConnection;
                import io.cdiconnections.Connection;
                import io.cdiconnections.sql.SQLConnection;

                public class BadResource {
                    @Inject @Connection(name = "sql") KeyValueConnection wrongType;
                    @Inject @Connection(name = "sql", ttl = "soon") SQLConnection badTtl;
                    @Inject @Connection(name = "nowhere") BaseConnection<?> untyped;
                    @Inject @Connection(name = "cache") Instance<KeyValueConnection> lookup;
                    @Connection(name = "sql") SQLConnection notInjected;
                }
                """), dir.resolve("bad.war"));
        Result r = run("--war", war.toString(), write("empty.toml", "").toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(r.out()).containsPattern("  PROBLEM Injection point BadResource.badTtl: Connection 'sql': the ttl "
                        + "'soon' in @Connection\\(name = \"sql\", ttl = \"soon\"\\) is not a duration .*\n")
                .containsPattern("  PROBLEM Injection point BadResource.wrongType: Connection 'sql' .*KeyValueConnection.*"
                        + "type = \"sql\" in \\[connections.sql\\] says SQLConnection")
                .contains("  PROBLEM Injection point BadResource.untyped: ")
                .contains("Injection point com.example.pets.BadResource.lookup: @Connection(name = \"cache\") "
                        + "jakarta.enterprise.inject.Instance\n  a lookup (Instance, Provider): deployment does not check it")
                .doesNotContain("notInjected")
                .contains("Connection 'cache': not checked") // a lookup types nothing at deployment
                .endsWith("2 connections, 4 injection points, 3 problems, 1 not checked.\n");
    }

    @Test
    void connectReachesH2AndTheWarsOwnConnectionTypeThroughTheInjectionPoints() throws IOException {
        Path war = TestWar.exploded(dir, """
                [connections.sql]
                url = "jdbc:h2:mem:war_connect"

                [connections.cache]
                host = "localhost"
                """, TestWar.PET_RESOURCE, TestWar.KEY_VALUE_CONNECTION, TestWar.CACHE_SERVICE);
        Result r = run("--connect", "--war", war.toString(), write("none.toml", "").toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.OK);
        assertThat(r.out()).containsPattern("\n  cache: UP in \\d+ ms\n  sql: UP in \\d+ ms\n")
                .endsWith("2 connections, 2 injection points, 0 problems.\n");
    }

    @Test
    void aMissingWarIsAWrongCommandLine() {
        Result r = run("--war", dir.resolve("nope.war").toString());
        assertThat(r.code()).isEqualTo(SecretsCheck.USAGE);
        assertThat(r.out()).contains("--war " + dir.resolve("nope.war") + ": no such file or folder");
    }
}
