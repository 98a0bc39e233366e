package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.internal.registry.Registries;
import io.cdiconnections.test.CountingConnection;
import io.cdiconnections.test.JdbcConnection;
import io.cdiconnections.test.TestConfigSource;

/** {@code Connections} in plain Java SE: no CDI container, SmallRye Config from the class path. */
class ConnectionsTest {

    @BeforeEach
    void secrets() {
        TestConfigSource.VALUES.put("connections.h2.type", JdbcConnection.class.getName());
        TestConfigSource.VALUES.put("connections.h2.url", "jdbc:h2:mem:connections-test;DB_CLOSE_DELAY=-1");
        TestConfigSource.VALUES.put("connections.counting.type", CountingConnection.class.getName());
        TestConfigSource.VALUES.put("ORDERS_CONNECTION", "h2");
    }

    @AfterEach
    void clearSecrets() {
        TestConfigSource.VALUES.clear();
    }

    @Test
    void getWorksWithoutAnyContainerAgainstH2() throws Exception {
        JdbcConnection h2 = Connections.get("h2", JdbcConnection.class);
        assertThat(h2.queryLong("select 41 + 1")).isEqualTo(42);
        assertThat(Connections.get("h2")).isSameAs(h2);
        assertThat(Connections.get("h2", JdbcConnection.class)).isSameAs(h2);
        assertThat(Connections.get("env:ORDERS_CONNECTION", JdbcConnection.class)).isSameAs(h2);
    }

    @Test
    void builderWithTheSameArgumentsGivesTheSameHandle() {
        BaseConnection<?> a = Connections.builder("counting").ttl(Duration.ofMinutes(10)).maxEntries(4)
                .option("database", "reports").get();
        CountingConnection b = Connections.builder("counting").type("io.cdiconnections.test.CountingConnection")
                .ttl("PT10M").maxEntries(4).options(Map.of("database", "reports")).get(CountingConnection.class);
        assertThat(b).isSameAs(a);
        assertThat(b.parameters().get("database")).contains("reports");
        assertThat(b.context().ttl()).contains(Duration.ofMinutes(10));
        assertThat(b).isNotSameAs(Connections.get("counting"));
    }

    @Test
    void warmGetAllocatesNothing() {
        CountingConnection warm = Connections.get("counting", CountingConnection.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++) {
            Connections.get("counting", CountingConnection.class);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        CountingConnection last = null;
        for (int i = 0; i < 1_000_000; i++) {
            last = Connections.get("counting", CountingConnection.class);
        }
        long nanos = System.nanoTime() - start;
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(last).isSameAs(warm);
        assertThat(allocated).as("bytes allocated by 1,000,000 warm gets").isLessThan(10_000);
        System.out.println("warm Connections.get: " + nanos / 1_000_000.0 + " ns per call");
    }

    @Test
    void builderRejectsABadTtlAtOnce() {
        assertThatThrownBy(() -> Connections.builder("sql").ttl("soon"))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Connection 'sql': the ttl 'soon' in Connections.builder(\"sql\") is not a duration that "
                        + "is not negative. Write ISO-8601 (ttl = \"PT10M\"), whole seconds (ttl = \"600\"), or \"0\" "
                        + "to keep the raw instance forever.");
        assertThatThrownBy(() -> Connections.builder("sql").ttl("PT-1S"))
                .isInstanceOf(ConnectionConfigException.class).hasMessageContaining("the ttl 'PT-1S'");
        assertThatThrownBy(() -> Connections.builder("sql").ttl(Duration.ofSeconds(-1)))
                .isInstanceOf(ConnectionConfigException.class).hasMessageContaining("the ttl 'PT-1S'");
    }

    @Test
    void builderRejectsAZeroOrNegativeMaxEntries() {
        assertThatThrownBy(() -> Connections.builder("sql").maxEntries(-5))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Connection 'sql': maxEntries = -5 in Connections.builder(\"sql\") is not allowed. Write "
                        + "a positive number of live raw instances to keep (maxEntries = 4), or leave it out "
                        + "(Connection.UNBOUNDED) for no bound.");
        assertThatThrownBy(() -> Connections.builder("sql").maxEntries(0))
                .hasMessageContaining("maxEntries = 0");
    }

    @Test
    void builderRejectsAnOptionWithoutKey() {
        assertThatThrownBy(() -> Connections.builder("sql").option(" ", "secret"))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Connection 'sql': the option \"=...\" in Connections.builder(\"sql\") is not of the form "
                        + "key=value. Write options = {\"database=reports\"}, the key as in the [connections.sql] "
                        + "section of secrets.toml.")
                .message().doesNotContain("secret\"");
    }

    @Test
    void emptyNameIsRejected() {
        assertThatThrownBy(() -> Connections.builder(" "))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Connections.builder(\" \"): the connection name is empty. Name the [connections.<name>] "
                        + "section of secrets.toml to use, such as @Connection(name = \"sql\") or "
                        + "Connections.get(\"sql\").");
        assertThatThrownBy(() -> Connections.get("")).isInstanceOf(ConnectionConfigException.class);
    }

    @Test
    void envWithoutVariableIsRejected() {
        assertThatThrownBy(() -> Connections.get("env:", CountingConnection.class))
                .isInstanceOf(ConnectionConfigException.class)
                .hasMessage("Connections.get(\"env:\", CountingConnection.class): the name 'env:' names no variable. "
                        + "Write env:VAR, where the config property or environment variable VAR holds the "
                        + "connection name.");
    }

    @Test
    void builderTypeErrorsAreThrownByGet() {
        assertThatThrownBy(() -> Connections.builder("x").type("java.lang.String").get())
                .isInstanceOf(ConnectionTypeException.class).hasMessageContaining("is not a subclass");
        assertThatThrownBy(() -> Connections.builder("x").type("com.example.Missing").get())
                .isInstanceOf(ConnectionTypeException.class).hasMessageContaining("was not found");
        assertThatThrownBy(() -> Connections.builder("x")
                .type("io.cdiconnections.test.BrokenTypes$NoContextConstructor").get())
                .isInstanceOf(ConnectionTypeException.class).hasMessageContaining("no public constructor");
    }

    @Test
    void theDefaultRegistryIsClosedAndReplacedAfterClose() {
        CountingConnection first = Connections.get("counting", CountingConnection.class);
        CountingConnection.Raw raw = first.raw();
        Registries.current().close();
        assertThat(raw.closed).isTrue();
        assertThat(Connections.get("counting", CountingConnection.class)).isNotSameAs(first);
    }
}
