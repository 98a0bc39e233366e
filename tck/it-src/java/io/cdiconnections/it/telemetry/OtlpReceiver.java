package io.cdiconnections.it.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP/HTTP receiver on 127.0.0.1 for the server tests: what a collector would be, reduced to
 * keeping every span and every metric the server exports ({@code http/protobuf}), in arrival order.
 * Logs are accepted and dropped. A request it cannot read is answered 400 and remembered, so a
 * test names the exporter's mistake instead of waiting for data that never comes.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<Metric> metrics = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts a receiver on a free port of the loopback interface.
     *
     * @return the running receiver
     * @throws IOException when no port can be bound
     */
    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", e -> receiver.receive(e, body -> {
            ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().forEach(r -> r.getScopeSpansList()
                    .forEach(s -> receiver.spans.addAll(s.getSpansList())));
        }));
        server.createContext("/v1/metrics", e -> receiver.receive(e, body -> {
            ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList().forEach(r -> r.getScopeMetricsList()
                    .forEach(s -> receiver.metrics.addAll(s.getMetricsList())));
        }));
        server.createContext("/v1/logs", e -> receiver.receive(e, body -> { }));
        server.createContext("/", e -> receiver.reject(e, "no OTLP/HTTP path"));
        server.start();
        return receiver;
    }

    /** @return the base URL an OTLP/HTTP exporter is given as {@code otel.exporter.otlp.endpoint} */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Waits until a span matches, or the patience ends.
     *
     * @param find what to look for among the spans received so far
     * @param patience how long to wait
     * @return the span found, or empty
     * @throws InterruptedException when interrupted
     */
    <T> Optional<T> await(Function<List<Span>, Optional<T>> find, Duration patience) throws InterruptedException {
        return poll(() -> find.apply(List.copyOf(spans)), patience);
    }

    /**
     * Waits until the metrics received so far satisfy {@code find}, or the patience ends.
     *
     * @param find what to look for among every metric export received so far, oldest first
     * @param patience how long to wait
     * @return what {@code find} found, or empty
     * @throws InterruptedException when interrupted
     */
    <T> Optional<T> awaitMetrics(Function<List<Metric>, Optional<T>> find, Duration patience)
            throws InterruptedException {
        return poll(() -> find.apply(List.copyOf(metrics)), patience);
    }

    /** @return a summary of what arrived, for assertion messages */
    String summary() {
        List<String> names = new ArrayList<>();
        spans.forEach(s -> names.add(s.getName() + "(" + s.getKind() + ")"));
        return spans.size() + " spans " + names + ", " + metrics.size() + " metric points sets "
                + metrics.stream().map(Metric::getName).distinct().toList() + ", rejected " + rejected;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private <T> Optional<T> poll(java.util.function.Supplier<Optional<T>> find, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<T> found = find.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = find.get();
        }
        return found;
    }

    private interface Body {
        void read(byte[] body) throws IOException;
    }

    private void receive(HttpExchange exchange, Body handler) throws IOException {
        try (exchange) {
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!type.startsWith("application/x-protobuf")) {
                reject(exchange, exchange.getRequestURI() + " with Content-Type " + type
                        + " (want otel.exporter.otlp.protocol=http/protobuf)");
                return;
            }
            try {
                handler.read(body(exchange));
            } catch (IOException e) {
                reject(exchange, exchange.getRequestURI() + ": " + e);
                return;
            }
            // an empty Export*ServiceResponse: full success
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void reject(HttpExchange exchange, String why) throws IOException {
        try (exchange) {
            rejected.add(exchange.getRequestMethod() + " " + why);
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }
}
