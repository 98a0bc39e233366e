package io.cdiconnections.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets checker on good and bad files: what it prints, its exit code, and never a value. */
class SecretsCheckTest {

    private static final String PASSWORD = "pa55-W0rd-never-shown";

    @TempDir
    Path dir;

    private record Result(int code, String out) {
    }

    private Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = SecretsCheck.run(List.of(args), out, Map.of("user.home", dir.toString()), env);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(PASSWORD).doesNotContain("s3cr3t-token");
        return new Result(code, text);
    }

    private Path write(String name, String toml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, toml);
        return file;
    }

    @Test
    void goodFilesListEveryConnectionItsTypeAndWhereEachKeyComesFrom() throws IOException {
        Path base = write("base.toml", """
                [connections.sql]
                url = "jdbc:h2:mem:check_base"
                username = "sa"

                [connections."my.db"]
                type = "sql"
                dialect = "h2"
                database = "mem:check_dots"
                """);
        Path local = write("local.toml", """
                [connections.sql]
                password = "%s"
                """.formatted(PASSWORD));
        Result r = run(Map.of("CONNECTIONS__MY_DB__PASSWORD", PASSWORD), base.toString(), local.toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("  " + base.toAbsolutePath(), "  " + local.toAbsolutePath())
                .contains("Connection 'sql': io.cdiconnections.sql.SQLConnection")
                .contains("Connection 'my.db': io.cdiconnections.sql.SQLConnection")
                .containsPattern("url +from " + java.util.regex.Pattern.quote(base.toAbsolutePath().toString()))
                .containsPattern("password +from " + java.util.regex.Pattern.quote(local.toAbsolutePath().toString()))
                .contains("password  from environment variable CONNECTIONS__MY_DB__PASSWORD")
                .contains("configuration OK")
                .endsWith("2 connections, 0 problems.\n");
    }

    @Test
    void aSystemPropertyWinsOverTheFileAndIsNamedAsTheOrigin() throws IOException {
        Path file = write("secrets.toml", """
                [connections.sql]
                url = "jdbc:h2:mem:check_props"
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = SecretsCheck.run(List.of(file.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of("connections.sql.url", "jdbc:h2:mem:other"), Map.of());
        assertThat(code).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("url  from system property connections.sql.url");
    }

    @Test
    void problemsAreReportedWithTheDeploymentMessagesAndExitCodeOne() throws IOException {
        Path file = write("bad.toml", """
                [connections.sql]
                dialect = "postgresql"
                password = "%s"

                [connections.weird]
                type = "nosuchtype"

                [connections.custom]
                token = "s3cr3t-token"
                """.formatted(PASSWORD));
        Result r = run(Map.of(), file.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(r.out()).contains("PROBLEM ").contains("Missing SQL DB connection params: host, username")
                .contains("nosuchtype")
                .contains("Connection 'custom': not checked: type not set")
                .contains("token  from ")
                .endsWith("3 connections, 2 problems, 1 not checked.\n");
    }

    @Test
    void aMissingDriverIsOneProblemUnderItsConnectionWithHowToAddItToTheCheck() throws IOException {
        Path file = write("nodriver.toml", """
                [connections.lite]
                type = "sql"
                url = "jdbc:sqlite:pets.db"
                """);
        Result r = run(Map.of(), file.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(r.out()).containsOnlyOnce("\nConnection 'lite'")
                .containsPattern("Connection 'lite': io.cdiconnections.sql.SQLConnection\n  type +from .*\n"
                        + "  url +from .*\n  PROBLEM Connection 'lite': no JDBC driver for the sqlite dialect")
                .contains("  (to check with it: java -cp cdi-connections-check.jar:<its jar> "
                        + "io.cdiconnections.check.SecretsCheck ...)\n")
                .endsWith("1 connection, 1 problem.\n");
    }

    @Test
    void invalidTomlNamesTheLineButNotItsText() throws IOException {
        Path file = write("broken.toml", """
                [connections.sql]
                password = "%s
                """.formatted(PASSWORD));
        Result r = run(Map.of(), file.toString());
        assertThat(r.code()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(r.out()).startsWith("ERROR ").contains("broken.toml").contains("line 2");
    }

    @Test
    void aMissingFileAndABadCommandLine() {
        assertThat(run(Map.of(), dir.resolve("nope.toml").toString()).code()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(run(Map.of(), "--frobnicate").code()).isEqualTo(SecretsCheck.USAGE);
        assertThat(run(Map.of(), "--timeout", "soon").code()).isEqualTo(SecretsCheck.USAGE);
        assertThat(run(Map.of(), "--help").code()).isEqualTo(SecretsCheck.OK);
    }

    @Test
    void connectPrintsUpWithTimingAndDownWithTheError() throws IOException {
        Path file = write("connect.toml", """
                [connections.sql]
                url = "jdbc:h2:mem:check_connect"

                [connections.maria]
                type = "sql"
                url = "jdbc:mariadb://127.0.0.1:3306/test"
                username = "check_nobody"
                password = "%s"
                """.formatted(PASSWORD));
        Result r = run(Map.of(), "--connect", file.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(SecretsCheck.PROBLEMS);
        assertThat(r.out()).containsPattern("  sql: UP in \\d+ ms")
                .containsPattern("  maria: DOWN in \\d+ ms \\(connect failed\\): java.sql.SQLInvalidAuthorizationSpecException: .*Access denied")
                .endsWith("2 connections, 1 problem.\n");
        Result good = run(Map.of(), "--connect", write("good.toml", """
                [connections.sql]
                url = "jdbc:h2:mem:check_connect_good"
                """).toString());
        assertThat(good.code()).as(good.out()).isZero();
    }

    @Test
    void inAChildJvmTheExitCodeTellsTheOutcome() throws Exception {
        Path good = write("child-good.toml", "[connections.sql]\nurl = \"jdbc:h2:mem:child\"\n");
        Path bad = write("child-bad.toml", "[connections.sql]\ndialect = \"postgresql\"\npassword = \"" + PASSWORD + "\"\n");
        assertThat(child(good)).isZero();
        assertThat(child(bad)).isEqualTo(SecretsCheck.PROBLEMS);
    }

    private int child(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-cp", System.getProperty("java.class.path"), SecretsCheck.class.getName(),
                file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("child.out"));
        assertThat(output).doesNotContain(PASSWORD).contains("Connection 'sql'");
        return p.exitValue();
    }

    static {
        // the child JVM runs from the test class path, which must exist as files
        assertThat(new File(System.getProperty("java.class.path").split(File.pathSeparator)[0])).exists();
    }
}
