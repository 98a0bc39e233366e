package io.cdiconnections.it.payara;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro JVM started by a test: Hazelcast clustering on, but on 127.0.0.1 only (TCP/IP
 * members given, so multicast is off; Hazelcast bound to the loopback interface only; HTTP bound
 * to 127.0.0.1 by the pre-boot command file), its console in a log file under {@code target/},
 * its runtime directory there too. {@link #close()} ends it and any process it started.
 */
final class MicroInstance implements AutoCloseable {

    /** What Micro logs once it deployed everything. */
    private static final String READY = "Payara Micro URLs";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private MicroInstance(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a Micro JVM deploying the WAR; returns at once.
     *
     * @param name     the instance name, also its log's and directory's
     * @param war      the WAR to deploy
     * @param httpPort its HTTP port on 127.0.0.1
     * @param hzPort   its Hazelcast port on 127.0.0.1
     * @param members  every member's Hazelcast address, {@code 127.0.0.1:<port>,...}
     * @param cluster  the Hazelcast cluster name, this run's own
     * @param dir      where its log, runtime and temporary directories go
     * @return the started instance
     * @throws IOException when the JVM cannot be started
     */
    static MicroInstance start(String name, Path war, int httpPort, int hzPort, String members, String cluster, Path dir)
            throws IOException {
        // a fresh runtime directory: Micro redeploys at boot what an earlier run's left deployed,
        // and --deploy then replaces it, so the application would answer, vanish and come back
        Path root = dir.resolve(name);
        deleteTree(root);
        Files.createDirectories(root);
        Path tmp = Files.createDirectories(dir.resolve(name + "-tmp"));
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Djava.io.tmpdir=" + tmp,
                // Hazelcast binds the interface given, not every address (its default)
                "-Dhazelcast.socket.bind.any=false",
                "-Dhazelcast.phone.home.enabled=false",
                // two members started close together that formed two clusters merge in seconds, not minutes
                "-Dhazelcast.merge.first.run.delay.seconds=5",
                "-Dhazelcast.merge.next.run.delay.seconds=5",
                "-jar", property("payara.microJar"),
                "--name", name,
                "--rootdir", root.toString(),
                "--port", Integer.toString(httpPort),
                "--prebootcommandfile", property("payara.prebootFile"),
                "--clustername", cluster,
                "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1",
                "--startport", Integer.toString(hzPort),
                "--nohostaware",
                "--disablephonehome",
                "--deploy", war.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // a killed build (Ctrl-C, a CI timeout) ends the test JVM without @AfterAll: end Micro with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
        return new MicroInstance(name, httpPort, log, process);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Waits for the line Micro logs once it deployed everything and serves it. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        awaitLog(READY, timeout);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("System property " + key + " is not set: run the test through Maven (tck/payara/pom.xml)");
        }
        return value;
    }

    /**
     * Waits for a line in the instance's console.
     *
     * @param text    what the line contains
     * @param timeout how long to wait
     * @throws IllegalStateException when the JVM ended or the time ran out first
     */
    void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before logging '" + text
                        + "': see " + log);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not log '" + text + "' within " + timeout + ": see " + log);
    }

    /**
     * @param path the path under the WAR's JAX-RS application, with its query
     * @return the response's status and body
     */
    Response get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/grid/api/" + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    /**
     * @param path the path under the WAR's JAX-RS application, with its query
     * @return the body of a 200 response
     * @throws AssertionError for any other status
     */
    String body(String path) throws IOException, InterruptedException {
        Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError(name + " answered " + r.status() + " to " + path + ": " + r.body() + " (log: " + log + ")");
        }
        return r.body();
    }

    /** A status and a body. */
    record Response(int status, String body) {
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * Prints the instance's console to standard output (the test's report): from the line saying it
     * is ready when there is one (before it, Micro logs its boot and certificates at length), else its last 400 lines.
     */
    void printLog() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - 400);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(READY)) {
                    from = Math.max(i, lines.size() - 2_000);
                }
            }
            System.out.println("===== " + name + " (" + log + "), from line " + (from + 1) + " =====");
            lines.subList(from, lines.size()).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println("===== " + name + ": " + log + " unreadable: " + e);
        }
    }

    /** Ends the JVM (SIGTERM, then SIGKILL after 30 s) and every process it started. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", http 127.0.0.1:" + httpPort + ", log " + log + ")";
    }
}
