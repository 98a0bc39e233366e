package io.cdiconnections.sqlcdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.Connections;
import io.cdiconnections.sql.SQLConnection;

class SqlCdiTest {

    @Dependent
    public static class Pets {
        @Inject
        @Connection(name = "cdisql", options = {"url=jdbc:h2:mem:cdisql;DB_CLOSE_DELAY=-1"})
        SQLConnection sql;

        @Inject
        @Connection(name = "cdisql", type = "sql", options = {"url=jdbc:h2:mem:cdisql;DB_CLOSE_DELAY=-1"})
        SQLConnection same;
    }

    @Dependent
    public static class StreamlitType {
        @Inject
        @Connection(name = "cdisqlst", type = "streamlit.connections.SQLConnection",
                options = {"url=jdbc:h2:mem:cdisqlst;DB_CLOSE_DELAY=-1"})
        io.cdiconnections.BaseConnection<?> sql;
    }

    // Streamlit: connection_factory_test.py, test_can_specify_class_with_full_name_in_kwargs
    @Test
    void streamlitsClassPathIsOurTypeInAnInjectionPointAndTheBuilder() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(StreamlitType.class)
                .addExtension(new io.cdiconnections.internal.cdi.ConnectionExtension()).initialize()) {
            assertThat(c.select(StreamlitType.class).get().sql).isInstanceOf(SQLConnection.class);
        }
        SQLConnection built = Connections.builder("cdisqlst_builder").type("streamlit.connections.SQLConnection")
                .option("url", "jdbc:h2:mem:cdisqlst_builder").get();
        assertThat(built.query("select 1 as one").as(Integer.class)).containsExactly(1);
    }

    @Dependent
    public static class Broken {
        @Inject
        @Connection(name = "cdisqlbroken", type = "sql", options = {"dialect=postgresql"})
        SQLConnection sql;
    }

    @Test
    void injectedAndLookedUp() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(Pets.class)
                .addExtension(new io.cdiconnections.internal.cdi.ConnectionExtension()).initialize()) {
            Pets p = c.select(Pets.class).get();
            p.sql.update("create table t (id int)");
            assertThat(p.same.query("select count(*) from t").as(Long.class)).containsExactly(0L);
            System.out.println("name=" + p.sql.name());
        }
        SQLConnection se = Connections.builder("cdise").option("url", "jdbc:h2:mem:cdise").get(SQLConnection.class);
        assertThat(se.query("select 1 as one").as(Integer.class)).containsExactly(1);
    }

    @Test
    void deploymentSaysWhatIsMissing() {
        assertThatThrownBy(() -> new Weld().disableDiscovery().addBeanClasses(Broken.class)
                .addExtension(new io.cdiconnections.internal.cdi.ConnectionExtension()).initialize())
                .hasMessageContaining("Missing SQL DB connection params: host, username")
                .hasMessageContaining("No [connections.cdisqlbroken] section was found");
    }

    @Dependent
    public static class Misplaced {
        @Inject
        @Connection(name = "cdisqlmisplaced")
        SQLConnection sql;
    }

    @Test
    void aSectionFoundNowhereSaysWhereSecretsWereLookedFor() {
        assertThatThrownBy(() -> new Weld().disableDiscovery().addBeanClasses(Misplaced.class)
                .addExtension(new io.cdiconnections.internal.cdi.ConnectionExtension()).initialize())
                .hasMessageContaining("Missing SQL DB connection configuration for connection 'cdisqlmisplaced'")
                .hasMessageContaining("No [connections.cdisqlmisplaced] section was found")
                .hasMessageContaining(".streamlit/secrets.toml");
    }

    @Test
    void aSectionSetOnlyByTheEnvironmentIsNotCalledMissing() {
        org.eclipse.microprofile.config.Config config = new io.smallrye.config.SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.EnvConfigSource(
                        java.util.Map.of("CONNECTIONS_ENVONLY_DIALECT", "postgresql"), 300))
                .build();
        assertThat(io.cdiconnections.internal.SecretsReader.whereSectionWasLookedFor(config, "envonly")).isEmpty();
        assertThat(io.cdiconnections.internal.SecretsReader.whereSectionWasLookedFor(config, "other"))
                .contains("No [connections.other] section was found");
    }
}
