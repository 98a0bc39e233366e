package io.cdiconnections.benchmarks.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-server benchmark of issue 16 (docs/performance.md, "In a server"): deploys the
 * benchmark WAR to WildFly on 127.0.0.1, checks that every endpoint answers 200 with 20 items,
 * then drives the endpoints with {@code wrk} in rounds, the order of the endpoints rotating every
 * round, and prints each round's requests per second and each endpoint's ratio to the Jakarta
 * peer ({@code @DataSourceDefinition} and hand-written JDBC) within the round, with the median over
 * the rounds. Run by {@code ./mvnw -B verify -pl benchmarks/server -am -DskipTests -Dload=wildfly}.
 *
 * <p>Arguments: the WildFly home, the WAR, then optional {@code key=value}s: {@code rounds} (15),
 * {@code seconds} per run (4), {@code warmup} seconds per endpoint (20), {@code connections}
 * (8), {@code threads} (1), {@code port} (8080), {@code out} (a Markdown file for the results).
 */
public final class LoadRun {

    private static final String CONTEXT = "bench";
    private static final String OWNER = "owner7";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:[^\\n]*");

    /** The endpoints, the peer first; each is compared with it. */
    static final List<String> ENDPOINTS = List.of("peer/records", "peer/on-our-pool", "ours/table", "ours/as",
            "ours/typed");

    private LoadRun() {
    }

    /**
     * @param args the WildFly home, the WAR, then {@code key=value} options
     * @throws Exception when the server does not start or an endpoint fails
     */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path war = Path.of(args[1]);
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "15"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "4"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "20"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "8"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "1"));
        int port = Integer.parseInt(opt.getOrDefault("port", "8080"));
        Path out = Path.of(opt.getOrDefault("out", "target/load-results.md"));

        Process server = start(home, war, port);
        // a killed build (Ctrl-C) ends this JVM without the finally below: end WildFly with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }, "stop WildFly"));
        try {
            awaitDeployed(home, server);
            String base = "http://127.0.0.1:" + port + "/" + CONTEXT + "/";
            checkAll(base);
            System.out.println("[load] warming up, " + warmup + " s an endpoint");
            for (String e : ENDPOINTS) {
                wrk(url(base, e), threads, connections, warmup);
            }
            Map<String, List<Double>> rps = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            ENDPOINTS.forEach(e -> {
                rps.put(e, new ArrayList<>());
                ratios.put(e, new ArrayList<>());
            });
            StringBuilder table = new StringBuilder("| round |");
            ENDPOINTS.forEach(e -> table.append(' ').append(e).append(" req/s |"));
            ENDPOINTS.stream().skip(1).forEach(e -> table.append(' ').append(e).append(" / peer |"));
            table.append("\n|---|").append("---|".repeat(ENDPOINTS.size() * 2 - 1)).append('\n');
            for (int r = 0; r < rounds; r++) {
                Map<String, Double> round = new LinkedHashMap<>();
                for (int i = 0; i < ENDPOINTS.size(); i++) {
                    String e = ENDPOINTS.get((r + i) % ENDPOINTS.size());
                    round.put(e, wrk(url(base, e), threads, connections, seconds));
                }
                double peer = round.get(ENDPOINTS.get(0));
                table.append("| ").append(r + 1).append(" |");
                for (String e : ENDPOINTS) {
                    rps.get(e).add(round.get(e));
                    ratios.get(e).add(round.get(e) / peer);
                    table.append(String.format(Locale.ROOT, " %.0f |", round.get(e)));
                }
                ENDPOINTS.stream().skip(1)
                        .forEach(e -> table.append(String.format(Locale.ROOT, " %.3f |", round.get(e) / peer)));
                table.append('\n');
                System.out.println("[load] round " + (r + 1) + ": " + round);
            }
            table.append("| median |");
            ENDPOINTS.forEach(e -> table.append(String.format(Locale.ROOT, " %.0f |", median(rps.get(e)))));
            ENDPOINTS.stream().skip(1)
                    .forEach(e -> table.append(String.format(Locale.ROOT, " **%.3f** |", median(ratios.get(e)))));
            table.append('\n');
            String report = "WildFly (" + home.getFileName() + "), wrk -t" + threads + " -c" + connections + " -d"
                    + seconds + "s per run, " + rounds + " rounds, endpoint order rotating every round; "
                    + Seed.ROWS_PER_OWNER + " rows by key from PostgreSQL on 127.0.0.1, as JSON.\n\n" + table;
            System.out.println(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        } finally {
            stop(server);
        }
    }

    private static String url(String base, String endpoint) {
        String[] parts = endpoint.split("/");
        return base + parts[0] + "/" + OWNER + "/" + parts[1];
    }

    private static Process start(Path home, Path war, int port) throws IOException {
        Path deployments = home.resolve("standalone/deployments");
        for (String marker : List.of(".deployed", ".failed", ".isdeploying", ".pending")) {
            Files.deleteIfExists(deployments.resolve(CONTEXT + ".war" + marker));
        }
        Files.copy(war, deployments.resolve(CONTEXT + ".war"), StandardCopyOption.REPLACE_EXISTING);
        Path log = home.resolve("load-server.log");
        System.out.println("[load] starting WildFly on 127.0.0.1:" + port + ", its console in " + log);
        return new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-b", "127.0.0.1",
                "-bmanagement", "127.0.0.1", "-Djboss.http.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitDeployed(Path home, Process server) throws Exception {
        Path deployments = home.resolve("standalone/deployments");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (Files.exists(deployments.resolve(CONTEXT + ".war.deployed"))) {
                System.out.println("[load] deployed");
                return;
            }
            if (Files.exists(deployments.resolve(CONTEXT + ".war.failed"))) {
                throw new IllegalStateException("the benchmark WAR failed to deploy: "
                        + Files.readString(deployments.resolve(CONTEXT + ".war.failed")));
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("WildFly stopped; see " + home.resolve("load-server.log"));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the benchmark WAR did not deploy within 240 s; see "
                + home.resolve("load-server.log"));
    }

    /**
     * Asks every endpoint once and checks each answers 200 with the owner's 20 items.
     *
     * @param base the application's URL
     * @throws Exception when one does not
     */
    static void checkAll(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String e : ENDPOINTS) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(base, e)))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int items = r.body().split("\"item number ", -1).length - 1;
            if (r.statusCode() != 200 || items != Seed.ROWS_PER_OWNER) {
                throw new IllegalStateException(e + " answered " + r.statusCode() + " with " + items
                        + " items, expected 200 with " + Seed.ROWS_PER_OWNER + ": " + r.body());
            }
        }
        System.out.println("[load] every endpoint answers " + Seed.ROWS_PER_OWNER + " items");
    }

    private static double wrk(String url, int threads, int connections, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", url)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (non2xx.find() || socket.find()) {
            throw new IllegalStateException("errors under load on " + url + ":\n" + output);
        }
        Matcher m = RPS.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output for " + url + ":\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void stop(Process server) throws InterruptedException {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
        System.out.println("[load] WildFly stopped");
    }
}
