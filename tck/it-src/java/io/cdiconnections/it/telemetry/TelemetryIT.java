package io.cdiconnections.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.protobuf.ByteString;

import io.cdiconnections.it.Deployments;
import io.cdiconnections.it.Servers;
import io.cdiconnections.it.telemetry.app.TelemetryApplication;
import io.cdiconnections.it.telemetry.app.TracedResource;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * With MicroProfile Telemetry switched on by the application (its microprofile-config.properties,
 * exporting OTLP/HTTP to a receiver this test runs on 127.0.0.1), a request that runs a query
 * gives the server's HTTP span with our query span as its child, and the pool reports its
 * metrics under {@code cdi-connections-<name>}, with the values of the known workload. Runs where
 * the server ships MicroProfile Telemetry 2.0: WildFly and Open Liberty.
 */
@Tag("extension")
@Tag("sql")
@Tag("telemetry")
@ExtendWith(ArquillianExtension.class)
public class TelemetryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String POOL = "cdi-connections-traced";
    /** A parameter value that must appear in no span: it is bound, never recorded. */
    private static final String WORD = "p4ram-" + Long.toHexString(System.nanoTime());
    private static final Map<String, String> OUR_POOL = Map.of(
            "db.client.connection.pool.name", POOL, "db.system.name", "postgresql");
    private static final HttpClient HTTP = Servers.client(null);
    /** What it meant when the server's own telemetry arrived and ours did not. */
    private static final String HINT = ". With the server's spans and metrics and none of ours, the library did not see the"
            + " OpenTelemetry API: on Open Liberty it is a third-party API, hidden from a dropins application"
            + " (arquillian.xml: deployType xml, apiTypeVisibility +third-party)";

    private static final OtlpReceiver RECEIVER = startReceiver();
    /** Queries the application ran, which the operation duration histogram must count. */
    private static final AtomicInteger QUERIES = new AtomicInteger();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.war("telemetry", "telemetry.toml")
                .addClasses(TelemetryApplication.class, TracedResource.class)
                .addAsResource(new StringAsset(telemetryConfig()), "META-INF/microprofile-config.properties");
    }

    /** MicroProfile Telemetry, off by default on both servers, switched on for this application only. */
    private static String telemetryConfig() {
        return String.join("\n",
                "otel.sdk.disabled=false",
                "otel.service.name=cdi-connections-telemetry-it",
                "otel.exporter.otlp.endpoint=" + RECEIVER.endpoint(),
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.traces.exporter=otlp",
                "otel.metrics.exporter=otlp",
                "otel.logs.exporter=none",
                "otel.bsp.schedule.delay=100",
                "otel.metric.export.interval=500",
                "");
    }

    @ArquillianResource
    URL base;

    @Test
    public void aQueryInARequestIsAChildOfTheServersHttpSpan() throws Exception {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        assertEquals(String.valueOf(WORD.length()), request("00-" + traceId + "-" + callerSpanId + "-01"));

        ByteString trace = bytes(traceId);
        Optional<List<Span>> found = RECEIVER.await(spans -> {
            List<Span> ours = spans.stream().filter(s -> s.getTraceId().equals(trace)).toList();
            return server(ours).isPresent() && query(ours).isPresent() ? Optional.of(ours) : Optional.empty();
        }, PATIENCE);
        assertTrue(found.isPresent(), "no server span and query span of trace " + traceId + " within "
                + PATIENCE + "; received: " + RECEIVER.summary() + HINT);

        Span server = server(found.get()).orElseThrow();
        Span query = query(found.get()).orElseThrow();
        assertEquals(bytes(callerSpanId), server.getParentSpanId(), "the server span continues the caller's trace");
        assertEquals(server.getSpanId(), query.getParentSpanId(),
                "the query span's parent is the server's HTTP span " + server.getName());
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, query.getKind());
        assertEquals("SELECT", query.getName());
        Map<String, String> attributes = Otlp.attributes(query.getAttributesList());
        assertEquals(Map.of(
                "db.system.name", "postgresql",
                "db.namespace", "test",
                "db.operation.name", "SELECT",
                "db.query.text", TracedResource.QUERY,
                "server.address", "127.0.0.1",
                "server.port", "5432",
                "db.client.connection.pool.name", POOL), attributes);
        // ours, not the server's: its HTTP span may record the URL, where the test put the value
        for (Span span : found.get()) {
            if (span.getKind() != Span.SpanKind.SPAN_KIND_SERVER) {
                assertFalse(span.toString().contains(WORD), "the bound value is in span " + span.getName());
            }
        }
    }

    @Test
    public void thePoolReportsItsMetricsUnderItsNameWithTheWorkloadsValues() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(WORD.length()), request(null));
        }
        int queries = QUERIES.get();
        Map<String, String> used = with(OUR_POOL, "db.client.connection.state", "used");
        Map<String, String> idle = with(OUR_POOL, "db.client.connection.state", "idle");
        Optional<List<Metric>> settled = RECEIVER.awaitMetrics(metrics -> {
            boolean counted = Otlp.histogramCount(metrics, "db.client.operation.duration", OUR_POOL) == queries;
            boolean returned = Otlp.latestNumber(metrics, "db.client.connection.count", used)
                    .map(p -> Otlp.value(p) == 0).orElse(false);
            return counted && returned ? Optional.of(metrics) : Optional.empty();
        }, PATIENCE);
        assertTrue(settled.isPresent(), "no export with " + queries + " operations and no connection in use within "
                + PATIENCE + "; received: " + RECEIVER.summary() + HINT);
        List<Metric> metrics = settled.get();

        assertEquals(3, number(metrics, "db.client.connection.max", OUR_POOL), "maximumPoolSize of telemetry.toml");
        assertEquals(1, number(metrics, "db.client.connection.idle.min", OUR_POOL), "minimumIdle of telemetry.toml");
        assertEquals(0, number(metrics, "db.client.connection.pending_requests", OUR_POOL));
        long open = number(metrics, "db.client.connection.count", idle);
        assertTrue(open >= 1 && open <= 3, "idle connections between minimumIdle and maximumPoolSize: " + open);
        assertTrue(Otlp.histogramCount(metrics, "db.client.connection.wait_time", OUR_POOL) >= queries,
                "a wait per query");
        assertTrue(Otlp.histogramCount(metrics, "db.client.connection.use_time", OUR_POOL) >= queries,
                "a use per query");
        Map<String, String> operation = Otlp.histogramAttributes(metrics, "db.client.operation.duration", OUR_POOL)
                .orElseThrow();
        assertEquals("SELECT", operation.get("db.operation.name"), operation.toString());
        assertEquals("test", operation.get("db.namespace"), operation.toString());
        assertFalse(operation.containsKey("db.query.text"), "no query text on metrics: " + operation);
    }

    private String request(String traceparent) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(Servers.loopback(base, "api/traced/length?word=" + WORD))
                .timeout(Duration.ofSeconds(60)).GET();
        if (traceparent != null) {
            get.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HTTP.send(get.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        QUERIES.incrementAndGet();
        return response.body();
    }

    private static Optional<Span> server(List<Span> spans) {
        return spans.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER).findFirst();
    }

    private static Optional<Span> query(List<Span> spans) {
        return spans.stream()
                .filter(s -> TracedResource.QUERY.equals(Otlp.attributes(s.getAttributesList()).get("db.query.text")))
                .findFirst();
    }

    private static long number(List<Metric> metrics, String name, Map<String, String> match) {
        return Otlp.value(Otlp.latestNumber(metrics, name, match)
                .orElseThrow(() -> new AssertionError("no " + name + " with " + match + "; received: " + RECEIVER.summary())));
    }

    private static Map<String, String> with(Map<String, String> attributes, String key, String value) {
        java.util.HashMap<String, String> more = new java.util.HashMap<>(attributes);
        more.put(key, value);
        return more;
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    /**
     * Started before the deployment is made, stopped when the test JVM ends: Arquillian undeploys
     * after the class's own {@code @AfterAll}, and the server's exporter flushes once more then.
     */
    private static OtlpReceiver startReceiver() {
        try {
            OtlpReceiver receiver = OtlpReceiver.start();
            Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "otlp-receiver-stop"));
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP receiver on 127.0.0.1", e);
        }
    }
}
