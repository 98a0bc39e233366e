package io.cdiconnections.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.cdiconnections.WithoutJars;
import io.cdiconnections.internal.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * OpenTelemetry is optional and free when absent: without its API on the class path no class of
 * ours for it is loaded; with it there but a no-op, {@link Telemetry#current()} is
 * {@link Telemetry#NONE} and the calls on the hot path allocate nothing.
 */
class TelemetryOptionalTest {

    @Test
    void withTelemetrySwitchedOnButTheApiHiddenAWarningSaysHowToMakeItVisible() throws Exception {
        assertThat(warningsResolvingTelemetryWithoutTheApi("false")).singleElement().asString()
                .contains("otel.sdk.disabled=false", "not visible", "apiTypeVisibility=\"+third-party\"",
                        "io.opentelemetry:opentelemetry-api");
    }

    @Test
    void withTelemetrySwitchedOffOrUnsetAMissingApiIsNotWarnedAbout() throws Exception {
        assertThat(warningsResolvingTelemetryWithoutTheApi("true")).isEmpty();
        assertThat(warningsResolvingTelemetryWithoutTheApi(null)).isEmpty();
    }

    /**
     * @param sdkDisabled the value of {@code otel.sdk.disabled} while resolving, null for none
     * @return the warnings logged resolving {@link Telemetry#current()} in a fresh loader without the API
     */
    private static List<String> warningsResolvingTelemetryWithoutTheApi(String sdkDisabled) throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Telemetry.class.getName());
        log.addHandler(handler);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        String switchBefore = System.getProperty("otel.sdk.disabled");
        if (sdkDisabled != null) {
            System.setProperty("otel.sdk.disabled", sdkDisabled);
        } else {
            System.clearProperty("otel.sdk.disabled");
        }
        try (WithoutJars loader = WithoutJars.excluding("opentelemetry")) {
            thread.setContextClassLoader(loader);
            Class<?> telemetry = loader.loadClass(Telemetry.class.getName());
            assertThat(telemetry.getMethod("current").invoke(null)).isSameAs(telemetry.getField("NONE").get(null));
            return List.copyOf(warnings);
        } finally {
            thread.setContextClassLoader(before);
            log.removeHandler(handler);
            if (switchBefore == null) {
                System.clearProperty("otel.sdk.disabled");
            } else {
                System.setProperty("otel.sdk.disabled", switchBefore);
            }
        }
    }

    @Test
    void withoutTheApiAWorkloadLoadsNoClassOfOursForOpenTelemetry() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (WithoutJars loader = WithoutJars.excluding("opentelemetry")) {
            thread.setContextClassLoader(loader);
            Class<?> context = loader.loadClass("io.cdiconnections.ConnectionContext");
            Object ctx = context.getMethod("of", String.class, Map.class).invoke(null, "absent",
                    Map.of("url", "jdbc:h2:mem:otel_absent;DB_CLOSE_DELAY=-1"));
            Class<?> sqlConnection = loader.loadClass("io.cdiconnections.sql.SQLConnection");
            Object sql = sqlConnection.getConstructor(context).newInstance(ctx);
            sqlConnection.getMethod("update", String.class).invoke(sql, "create table t (i int)");
            Object table = sqlConnection.getMethod("query", String.class).invoke(sql, "select count(*) from t");
            assertThat(table.toString()).isEqualTo("Table[COUNT(*)] (1 row)");
            sqlConnection.getMethod("reset").invoke(sql);
            sqlConnection.getMethod("close").invoke(sql);

            Class<?> telemetry = loader.loadClass(Telemetry.class.getName());
            assertThat(telemetry).isNotSameAs(Telemetry.class);
            assertThat(telemetry.getMethod("current").invoke(null)).isSameAs(telemetry.getField("NONE").get(null));
            assertThatThrownBy(() -> loader.loadClass("io.opentelemetry.api.OpenTelemetry"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(loader.loaded).contains("io.cdiconnections.sql.JdbcQueries", "io.cdiconnections.internal.Telemetry")
                    .noneMatch(n -> n.startsWith("io.cdiconnections.internal.otel."));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void withANoOpOpenTelemetryNothingIsRecordedAndTheHotPathAllocatesNothing() {
        GlobalOpenTelemetry.resetForTest();
        Telemetry.forget();
        try {
            Telemetry t = Telemetry.current();
            assertThat(t).isSameAs(Telemetry.NONE);
            Telemetry.Database db = t.database("noop", "h2database", null, null, 0);
            assertThat(db).isSameAs(Telemetry.Database.NONE);

            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            for (int warm = 0; warm < 2; warm++) {
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 100_000; i++) {
                    Telemetry.Span span = Telemetry.current().database("noop", "h2database", null, null, 0)
                            .query("select 1");
                    span.end();
                    db.cacheMiss();
                    db.streams(1);
                    Telemetry.Span rows = db.stream("select 1");
                    rows.rows(i);
                    rows.end();
                    Telemetry.Span insert = db.insert("pets");
                    insert.rows(i);
                    insert.end();
                    db.cacheSharedFailure();
                }
                long allocated = threads.getThreadAllocatedBytes(id) - before;
                if (warm == 1) {
                    // 100,000 rounds: a single allocation each would be megabytes; the measuring itself costs a few bytes
                    assertThat(allocated).isLessThan(10_000);
                }
            }
        } finally {
            GlobalOpenTelemetry.resetForTest();
            Telemetry.forget();
        }
    }

    @Test
    void aWorkloadBeforeTheApplicationInstallsItsSdkLeavesTheGlobalFreeToSet() {
        GlobalOpenTelemetry.resetForTest();
        Telemetry.forget();
        try {
            io.cdiconnections.sql.SQLConnection sql = new io.cdiconnections.sql.SQLConnection(
                    io.cdiconnections.ConnectionContext.of("early", Map.of("url", "jdbc:h2:mem:otel_early;DB_CLOSE_DELAY=-1")));
            try {
                assertThat(sql.query("select 1").size()).isEqualTo(1);
            } finally {
                sql.close();
            }
            assertThat(Telemetry.current()).isSameAs(Telemetry.NONE);
            assertThat(GlobalOpenTelemetry.isSet()).as("the library's first connect set no global").isFalse();
            // what an application does after its first connect: install its SDK, which must not throw
            GlobalOpenTelemetry.set(io.opentelemetry.api.OpenTelemetry.propagating(
                    io.opentelemetry.context.propagation.ContextPropagators.noop()));
            assertThat(GlobalOpenTelemetry.isSet()).isTrue();
        } finally {
            GlobalOpenTelemetry.resetForTest();
            Telemetry.forget();
        }
    }
}
