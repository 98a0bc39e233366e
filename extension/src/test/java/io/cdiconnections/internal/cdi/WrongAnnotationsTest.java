package io.cdiconnections.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.Connections;
import io.cdiconnections.test.BrokenTypes;
import io.cdiconnections.test.CountingConnection;

/**
 * Each wrong annotation value or option, once as an injection point (a deployment error naming
 * it, all reported together) and once through the {@code Connections} builder (an exception at
 * the call): the same table of mistakes, the same explanation on both sides.
 */
class WrongAnnotationsTest {

    private static final String COUNTING = "io.cdiconnections.test.CountingConnection";
    private static final String NO_CONTEXT = "io.cdiconnections.test.BrokenTypes$NoContextConstructor";

    /** One injection point per mistake. */
    @Dependent
    public static class Wrong {
        @Inject @Connection(name = "") CountingConnection emptyName;
        @Inject @Connection(name = "w", type = COUNTING, ttl = "soon") CountingConnection ttlSoon;
        @Inject @Connection(name = "w", type = COUNTING, ttl = "PT-1S") CountingConnection ttlNegative;
        @Inject @Connection(name = "w", type = COUNTING, maxEntries = -5) CountingConnection maxEntriesNegative;
        @Inject @Connection(name = "w", type = COUNTING, options = {"noequals"}) CountingConnection optionNoEquals;
        @Inject @Connection(name = "w", type = "java.lang.String") BaseConnection<?> typeString;
        @Inject @Connection(name = "w", type = "com.example.Missing") BaseConnection<?> typeMissing;
        @Inject @Connection(name = "w", type = NO_CONTEXT) BaseConnection<?> typeWithoutConstructor;
    }

    /** Field name → what its message must say, in the deployment error and from the builder. */
    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("emptyName", "the connection name is empty");
        m.put("ttlSoon", "the ttl 'soon' in ");
        m.put("ttlNegative", "the ttl 'PT-1S' in ");
        m.put("maxEntriesNegative", "maxEntries = -5 in ");
        m.put("optionNoEquals", "is not of the form key=value");
        m.put("typeString", "java.lang.String is not a subclass of io.cdiconnections.BaseConnection");
        m.put("typeMissing", "the type class com.example.Missing");
        m.put("typeWithoutConstructor", NO_CONTEXT + " has no");
        return m;
    }

    /** The same mistakes through the builder, each thrown at the call. */
    private static Map<String, Supplier<Object>> builderCalls() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("emptyName", () -> Connections.builder("").type(COUNTING).get());
        m.put("ttlSoon", () -> Connections.builder("w").type(COUNTING).ttl("soon").get());
        m.put("ttlNegative", () -> Connections.builder("w").type(COUNTING).ttl("PT-1S").get());
        m.put("maxEntriesNegative", () -> Connections.builder("w").type(COUNTING).maxEntries(-5).get());
        m.put("optionNoEquals", () -> Connections.builder("w").type(COUNTING).option("", "noequals").get());
        m.put("typeString", () -> Connections.builder("w").type("java.lang.String").get());
        m.put("typeMissing", () -> Connections.builder("w").type("com.example.Missing").get());
        m.put("typeWithoutConstructor", () -> Connections.builder("w").type(NO_CONTEXT).get());
        return m;
    }

    @Test
    void everyWrongInjectionPointIsADeploymentErrorNamingIt() {
        Throwable thrown = catchThrowable(() -> new Weld().disableDiscovery().addBeanClasses(Wrong.class)
                .addExtension(new ConnectionExtension()).initialize().close());

        assertThat(thrown).isInstanceOf(DefinitionException.class);
        String message = thrown.getMessage();
        expected().forEach((field, problem) -> {
            String line = lineOf(message, "Injection point Wrong." + field + ": ");
            assertThat(line).as(field).contains(problem);
        });
    }

    @Test
    void everyWrongBuilderCallThrowsTheSameExplanation() {
        expected().forEach((call, problem) -> {
            Throwable thrown = catchThrowable(() -> builderCalls().get(call).get());
            assertThat(thrown).as(call).isInstanceOf(ConnectionException.class);
            assertThat(thrown.getMessage()).as(call).contains(problem);
        });
        assertThat(BrokenTypes.NoContextConstructor.class.getName()).isEqualTo(NO_CONTEXT);
    }

    /** The problem reported for one injection point: from its prefix to the next one. */
    private static String lineOf(String message, String prefix) {
        int start = message.indexOf(prefix);
        assertThat(start).as("a problem reported for " + prefix + " in:\n" + message).isNotNegative();
        int next = message.indexOf("Injection point ", start + prefix.length());
        return message.substring(start, next < 0 ? message.length() : next);
    }
}
