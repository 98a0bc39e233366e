package io.cdiconnections.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code cdi-connections-check.jar} as a user would, in a child JVM whose home
 * and working directory are a test's own folder, so that no real secrets file is read.
 */
final class CheckJar {

    /** The jar the build made, as the failsafe configuration names it. */
    static final Path JAR = Path.of(System.getProperty("check.jar", "target/cdi-connections-check.jar"))
            .toAbsolutePath();

    private final Path dir;

    CheckJar(Path dir) {
        this.dir = dir;
    }

    /** What one run printed (standard output and error together) and its exit code. */
    record Run(int code, String out) {
    }

    /**
     * @param args what follows {@code java -jar cdi-connections-check.jar}
     * @return the run
     */
    Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return java(command);
    }

    /**
     * @param extra a jar to put after the checker on the class path
     * @param args  the checker's arguments
     * @return the run of {@code java -cp cdi-connections-check.jar:extra io.cdiconnections.check.SecretsCheck args}
     */
    Run classPath(Path extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-cp", JAR + File.pathSeparator + extra,
                "io.cdiconnections.check.SecretsCheck"));
        command.addAll(List.of(args));
        return java(command);
    }

    private Run java(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + dir));
        command.addAll(args);
        Path output = Files.createTempFile(dir, "run", ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(output);
        assertThat(ended).as("still running after 120 s: %s%n%s", command, out).isTrue();
        return new Run(p.exitValue(), out);
    }
}
