package io.cdiconnections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.cdi.ConnectionExtension;

/** The short names {@code snowflake} and {@code snowpark} select the built-in Snowflake types. */
class SnowflakeTypeInferenceTest {

    @Dependent
    public static class Analytics {
        @Inject
        @Connection(name = "snowflake", options = {"account=acme-test", "user=u", "password=p"})
        BaseConnection<?> snowflake;

        @Inject
        @Connection(name = "snowpark", options = {"account=acme-test", "user=u", "password=p"})
        BaseConnection<?> snowpark;
    }

    @Test
    void theNamesSnowflakeAndSnowparkInferTheirTypesAtInjectionPoints() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(Analytics.class)
                .addExtension(new ConnectionExtension()).initialize()) {
            Analytics a = c.select(Analytics.class).get();
            assertThat(a.snowflake).isInstanceOf(SnowflakeConnection.class);
            assertThat(a.snowpark).isInstanceOf(SnowparkConnection.class);
            assertThat(a.snowflake.isConnected()).as("resolved without connecting").isFalse();
        }
    }

    @Test
    void connectionsGetInfersSnowflakeFromTheName() {
        BaseConnection<?> handle = Connections.builder("snowflake")
                .option("account", "acme-test").option("user", "u").option("password", "p").get();
        assertThat(handle).isInstanceOf(SnowflakeConnection.class);
        assertThat(handle.isConnected()).isFalse();
    }
}
