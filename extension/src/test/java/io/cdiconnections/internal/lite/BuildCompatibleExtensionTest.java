package io.cdiconnections.internal.lite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.test.SessionConnection;

/**
 * The build-compatible extension run by Weld's translator, as a CDI Lite container runs it, and
 * beside the portable extension, where it must step aside. Weld skips it whenever
 * {@code ConnectionExtension} can be loaded (always, with our jar), so the Lite runs use
 * {@link Unskipped}: the same methods without {@code @SkipIfPortableExtensionPresent}.
 */
class BuildCompatibleExtensionTest {

    private static final String URL = "url=jdbc:h2:mem:lite;DB_CLOSE_DELAY=-1";

    @Dependent
    public static class Pets {
        @Inject
        @Connection(name = "lite", options = URL)
        SQLConnection sql;

        @Inject
        @Connection(name = "lite", options = URL)
        SQLConnection same;

        @Inject
        @Connection(name = "lite", ttl = "PT1H", options = URL)
        SQLConnection otherTtl;

        @Inject
        @Any
        Instance<SQLConnection> lookup;

        @Inject
        Connections connections;
    }

    @Dependent
    public static class Broken {
        @Inject
        @Connection(name = "litebroken", type = "sql", options = {"dialect=postgresql"})
        SQLConnection sql;
    }

    @Dependent
    public static class SessionUser {
        @Inject
        @Connection(name = "litesession", type = "io.cdiconnections.test.SessionConnection")
        SessionConnection connection;
    }

    @Dependent
    public static class BadTtl {
        @Inject
        @Connection(name = "litettl", ttl = "ten minutes", options = URL)
        SQLConnection sql;
    }

    /** The extension as Quarkus runs it: each phase method of ours, and no skipping. */
    public static class Unskipped extends ConnectionBuildExtension {
        @Override
        @Registration(types = Object.class)
        public void collectConnectionInjectionPoints(BeanInfo bean) {
            super.collectConnectionInjectionPoints(bean);
        }

        @Override
        @Synthesis
        public void registerConnectionBeans(SyntheticComponents components) {
            super.registerConnectionBeans(components);
        }

        @Override
        @Validation
        public void validateInjectionPoints(Messages messages) {
            super.validateInjectionPoints(messages);
        }
    }

    private static Weld lite(Class<?>... beans) {
        return new Weld().disableDiscovery().addBeanClasses(beans).addBuildCompatibleExtensions(Unskipped.class);
    }

    @Test
    void injectionPointsWithTheSameRequestShareOneHandleWithLookupsAndConnections() {
        try (WeldContainer c = lite(Pets.class).initialize()) {
            Pets p = c.select(Pets.class).get();
            p.sql.update("create table pets (id int)");
            assertThat(p.same).isSameAs(p.sql);
            assertThat(p.otherTtl).isNotSameAs(p.sql);
            assertThat(p.lookup.select(Connection.Literal.of("lite", "", "", Connection.UNBOUNDED, URL)).get())
                    .isSameAs(p.sql);
            assertThat(p.connections.select("lite", SQLConnection.class)).isNotNull();
            assertThat(p.same.query("select count(*) from pets").as(Long.class)).containsExactly(0L);
            assertThat(ConnectionBuildExtension.registry()).isNotNull();
        }
        assertThat(ConnectionBuildExtension.registry()).as("stopped at Shutdown").isNull();
    }

    @Test
    void startupFailsNamingTheInjectionPointWithThePortableExtensionsMessage() {
        assertThatThrownBy(() -> lite(Broken.class).initialize().close())
                .hasStackTraceContaining("Injection point Broken.sql")
                .hasStackTraceContaining("Missing SQL DB connection params: host, username")
                .hasStackTraceContaining("No [connections.litebroken] section was found");
    }

    @Test
    void sessionTypesAreRefusedSinceLiteHasNoSessionScope() {
        assertThatThrownBy(() -> lite(SessionUser.class).initialize().close())
                .hasStackTraceContaining("Injection point SessionUser.connection")
                .hasStackTraceContaining("ConnectionScope.SESSION")
                .hasStackTraceContaining("connections.select(\"litesession\", SessionConnection.class)");
    }

    @Test
    void malformedQualifierFailsBeforeStartup() {
        assertThatThrownBy(() -> lite(BadTtl.class).initialize().close())
                .hasStackTraceContaining("Injection point BadTtl.sql")
                .hasStackTraceContaining("ten minutes");
    }

    @Test
    void stepsAsideWhereThePortableExtensionRuns() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(Pets.class)
                .addBuildCompatibleExtensions(ConnectionBuildExtension.class).addExtension(new ConnectionExtension())
                .initialize()) {
            Pets p = c.select(Pets.class).get();
            assertThat(p.same).isSameAs(p.sql);
            assertThat(c.select(Connections.class).isResolvable()).as("one Connections bean, not two").isTrue();
            assertThat(ConnectionBuildExtension.registry()).as("no Lite registry").isNull();
        }
    }
}
