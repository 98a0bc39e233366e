package io.cdiconnections.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.SessionScoped;
import org.jboss.weld.context.bound.BoundSessionContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;

import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.Connections;
import io.cdiconnections.test.BrokenTypes;
import io.cdiconnections.test.CountingConnection;
import io.cdiconnections.test.SessionConnection;
import io.cdiconnections.test.StrictConnection;
import io.cdiconnections.test.TestConfigSource;

class ConnectionExtensionTest {

    static final String COUNTING = "io.cdiconnections.test.CountingConnection";
    static final String OTHER = "io.cdiconnections.test.OtherConnection";

    @BeforeEach
    void secrets() {
        TestConfigSource.VALUES.put("connections.orders.type", COUNTING);
        TestConfigSource.VALUES.put("connections.sessions.type", SessionConnection.class.getName());
    }

    @AfterEach
    void clearSecrets() {
        TestConfigSource.VALUES.clear();
    }

    private static WeldContainer start(Class<?>... beans) {
        return new Weld().disableDiscovery().addBeanClasses(beans).addExtension(new ConnectionExtension())
                .initialize();
    }

    /** Field, constructor and initializer injection of the same connection. */
    @Dependent
    public static class OrderService {
        @Inject
        @Connection(name = "orders", type = COUNTING)
        CountingConnection field;

        final CountingConnection constructorParameter;
        BaseConnection<?> initializerParameter;

        @Inject
        @Connection(name = "orders", ttl = "PT10M")
        CountingConnection tenMinutes;

        @Inject
        @Connection(name = "orders", options = "database=reports")
        CountingConnection reports;

        @Inject
        @Any
        Instance<CountingConnection> lookup;

        @Inject
        Connections connections;

        @Inject
        OrderService(@Connection(name = "orders") CountingConnection c) {
            this.constructorParameter = c;
        }

        @Inject
        void init(@Connection(name = "orders") BaseConnection<?> c) {
            this.initializerParameter = c;
        }
    }

    @Test
    void injectionPointsAndConnectionsWithTheSameArgumentsShareOneHandle() {
        try (WeldContainer weld = start(OrderService.class)) {
            OrderService service = weld.select(OrderService.class).get();
            CountingConnection handle = service.field.unwrap()[0];
            assertThat(service.constructorParameter.unwrap()[0]).isSameAs(handle);
            assertThat(((CountingConnection) service.initializerParameter).unwrap()[0]).isSameAs(handle);
            assertThat(Connections.get("orders", CountingConnection.class)).isSameAs(handle);
            assertThat(Connections.get("orders")).isSameAs(handle);
            CountingConnection byBuilder = Connections.builder("orders").type(CountingConnection.class).get();
            assertThat(byBuilder).isSameAs(handle);
            assertThat(service.connections.select("orders", CountingConnection.class)).isSameAs(handle);
            assertThat(service.tenMinutes.unwrap()[0]).isNotSameAs(handle);
            assertThat(service.tenMinutes.context().ttl()).isPresent();
            // README: the builder with the injection point's ttl gives its handle; a plain get() does not
            CountingConnection tenMinutesByBuilder = Connections.builder("orders").type(CountingConnection.class)
                    .ttl("PT10M").get();
            assertThat(tenMinutesByBuilder).isSameAs(service.tenMinutes.unwrap()[0]);
            assertThat(service.reports.unwrap()[0]).isNotSameAs(handle);
            assertThat(service.reports.parameters().get("database")).contains("reports");
            assertThat(service.field.name()).isEqualTo("orders");
        }
    }

    @Test
    void dynamicLookupWithTheQualifierLiteralGivesTheSameHandle() {
        try (WeldContainer weld = start(OrderService.class)) {
            OrderService service = weld.select(OrderService.class).get();
            CountingConnection looked = service.lookup.select(Connection.Literal.of("orders")).get();
            assertThat(looked).isSameAs(service.field.unwrap()[0]);
            CountingConnection tenMinutes = weld.select(CountingConnection.class,
                    Connection.Literal.of("orders", "", "PT10M", Connection.UNBOUNDED)).get();
            assertThat(tenMinutes).isSameAs(service.tenMinutes.unwrap()[0]);
        }
    }

    /** A connection type used only through a qualified Instance. */
    @Dependent
    public static class LazyUser {
        @Inject
        @Connection(name = "other", type = OTHER)
        Instance<io.cdiconnections.test.OtherConnection> other;
    }

    @Test
    void qualifiedInstanceOfATypeUsedNowhereElseResolvesLazily() {
        try (WeldContainer weld = start(LazyUser.class)) {
            io.cdiconnections.test.OtherConnection other = weld.select(LazyUser.class).get().other.get();
            assertThat(other.name()).isEqualTo("other");
            io.cdiconnections.test.OtherConnection byBuilder = Connections.builder("other").type(OTHER).get();
            assertThat(byBuilder).isSameAs(other);
        }
    }

    /** No bean: a servlet in an archive of discovery mode annotated, say. */
    public static class LateComponent {
        @Inject
        @Connection(name = "orders", type = COUNTING, ttl = "PT5M")
        CountingConnection orders;
    }

    /**
     * GlassFish creates the injection target of a servlet that is no bean at its first request,
     * after AfterBeanDiscovery: its injection point, seen only then, still gets the shared handle.
     */
    @Test
    void anInjectionPointFirstSeenAfterDeploymentIsServedByTheLookupBean() {
        try (WeldContainer weld = start(OrderService.class)) {
            jakarta.enterprise.inject.spi.BeanManager bm = weld.getBeanManager();
            var target = bm.getInjectionTargetFactory(bm.createAnnotatedType(LateComponent.class))
                    .createInjectionTarget(null);
            LateComponent component = new LateComponent();
            target.inject(component, bm.createCreationalContext(null));
            assertThat(component.orders).isNotNull();
            assertThat(component.orders).isSameAs(Connections.builder("orders").type(COUNTING).ttl("PT5M").get());
        }
    }

    @Test
    void shutdownClosesEveryRawInstance() {
        CountingConnection.Raw raw;
        CountingConnection handle;
        try (WeldContainer weld = start(OrderService.class)) {
            handle = weld.select(OrderService.class).get().field.unwrap()[0];
            raw = handle.raw();
            assertThat(raw.closed).isFalse();
        }
        assertThat(raw.closed).isTrue();
        assertThat(handle.isClosed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = BeanDiscoveryMode.class, names = {"ANNOTATED", "ALL"})
    void worksInBothDiscoveryModesAndConnectionTypesAreNotBeansThemselves(BeanDiscoveryMode mode) {
        try (WeldContainer weld = new Weld().disableDiscovery().setBeanDiscoveryMode(mode)
                .addBeanClasses(OrderService.class, CountingConnection.class, StrictConnection.class)
                .addExtension(new ConnectionExtension()).initialize()) {
            OrderService service = weld.select(OrderService.class).get();
            assertThat(service.field.raw()).isNotNull();
            assertThat(weld.select(CountingConnection.class).isResolvable()).isFalse();
        }
    }

    /** A connection of a SESSION type. */
    @Dependent
    public static class SessionUser {
        @Inject
        @Connection(name = "sessions")
        SessionConnection connection;
    }

    @Test
    void sessionTypesGetOneHandlePerSessionClosedWhenTheSessionEnds() {
        try (WeldContainer weld = start(SessionUser.class)) {
            BoundSessionContext sessions = weld.select(BoundSessionContext.class).get();
            assertThat(weld.getBeanManager().getBeans(SessionConnection.class, new ConnectionKey.Literal(
                    keyOf(weld))).iterator().next().getScope()).isEqualTo(SessionScoped.class);
            Map<String, Object> store1 = new HashMap<>();
            sessions.associate(store1);
            sessions.activate();
            CountingConnection first = weld.select(SessionUser.class).get().connection.unwrap()[0];
            CountingConnection.Raw raw = first.raw();
            sessions.invalidate();
            sessions.deactivate();
            sessions.dissociate(store1);
            assertThat(raw.closed).isTrue();
            assertThat(first.isClosed()).isTrue();

            Map<String, Object> store2 = new HashMap<>();
            sessions.associate(store2);
            sessions.activate();
            CountingConnection second = weld.select(SessionUser.class).get().connection.unwrap()[0];
            assertThat(second).isNotSameAs(first);
            sessions.invalidate();
            sessions.deactivate();
            sessions.dissociate(store2);
        }
    }

    private static String keyOf(WeldContainer weld) {
        return weld.getBeanManager().getBeans(SessionConnection.class, Any.Literal.INSTANCE).stream()
                .flatMap(b -> b.getQualifiers().stream())
                .filter(q -> q instanceof ConnectionKey).map(q -> ((ConnectionKey) q).value())
                .findFirst().orElseThrow();
    }

    /** Every kind of mistake, to be reported together. */
    @Dependent
    public static class Mistakes {
        @Inject
        @Connection(name = "nowhere")
        BaseConnection<?> noType;

        @Inject
        @Connection(name = "x", type = "java.lang.String")
        BaseConnection<?> notAConnection;

        @Inject
        @Connection(name = "x", type = COUNTING, ttl = "soon")
        CountingConnection badTtl;

        @Inject
        @Connection(name = "x", maxEntries = 0)
        CountingConnection zeroEntries;

        @Inject
        @Connection(name = "x", options = {"noequals"})
        CountingConnection badOption;

        @Inject
        @Connection(name = "x", type = OTHER)
        CountingConnection mismatch;

        @Inject
        @Connection(name = "env:CDI_CONNECTIONS_NOT_SET")
        CountingConnection unsetVariable;

        @Inject
        @Connection(name = "strict")
        StrictConnection missingUrl;

        @Inject
        @Connection(name = "x", type = COUNTING)
        String notAConnectionType;

        @Inject
        @Connection(name = "x")
        BrokenTypes.NoProxyConstructor noProxyConstructor;

        @Inject
        @Connection(name = "x")
        BrokenTypes.FinalMethod finalMethod;

        @Inject
        @Connection(name = "x")
        BrokenTypes.FinalClass finalClass;

        final CountingConnection fromConstructor;

        @Inject
        Mistakes(@Connection(name = "y", type = "com.example.Missing") CountingConnection missingClass) {
            this.fromConstructor = missingClass;
        }
    }

    @Test
    void aFailedDeploymentLeavesNoRegistryBehind() {
        ConnectionExtension extension = new ConnectionExtension();
        assertThatThrownBy(() -> new Weld().disableDiscovery().addBeanClasses(Mistakes.class).addExtension(extension)
                .initialize().close()).isInstanceOf(DefinitionException.class);
        assertThat(extension.registry().isClosed()).isTrue();
        assertThat(io.cdiconnections.internal.registry.Registries.current()).isNotSameAs(extension.registry());
    }

    /**
     * The application's loader is found from its classes, which may be named in our package too
     * (our test WARs' are): only the library's own jars' classes are left out. On Open Liberty,
     * whose context class loader is not the application's, such a WAR kept its JDBC drivers
     * registered, and so its loader, after undeploy.
     */
    @Test
    void aClassInOurPackageFromElsewhereIsTheApplications() {
        assertThat(ConnectionExtension.ofTheLibrary(ConnectionExtension.class)).isTrue();
        assertThat(ConnectionExtension.ofTheLibrary(io.cdiconnections.config.SecretsConfigSource.class)).isTrue();
        assertThat(ConnectionExtension.ofTheLibrary(ConnectionExtensionTest.class)).isFalse();
        assertThat(ConnectionExtension.ofTheLibrary(String.class)).isFalse();
    }

    @Test
    void deploymentReportsEveryProblemAtOnceWithItsInjectionPoint() {
        assertThatThrownBy(() -> start(Mistakes.class).close())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("Injection point Mistakes.noType: Connection 'nowhere' "
                        + "(@Connection(name = \"nowhere\")) has no type.")
                .hasMessageContaining("Injection point Mistakes.notAConnection: Connection 'x' (@Connection(name = "
                        + "\"x\", type = \"java.lang.String\")): java.lang.String is not a subclass of "
                        + "io.cdiconnections.BaseConnection.")
                .hasMessageContaining("Injection point Mistakes.badTtl: Connection 'x': the ttl 'soon' in "
                        + "@Connection(name = \"x\", type = \"" + COUNTING + "\", ttl = \"soon\") is not a duration")
                .hasMessageContaining("Injection point Mistakes.zeroEntries: Connection 'x': maxEntries = 0 in "
                        + "@Connection(name = \"x\", maxEntries = 0) is not allowed.")
                .hasMessageContaining("Injection point Mistakes.badOption: Connection 'x': the option \"noequals\" "
                        + "in @Connection(name = \"x\", options = {...}) is not of the form key=value.")
                .hasMessageContaining("Injection point Mistakes.mismatch: Connection 'x' (@Connection(name = \"x\", "
                        + "type = \"" + OTHER + "\")): the Java type CountingConnection says CountingConnection but "
                        + "type \"" + OTHER + "\" in @Connection(name = \"x\", type = \"" + OTHER + "\") says "
                        + "OtherConnection.")
                .hasMessageContaining("Injection point Mistakes.unsetVariable: @Connection(name = "
                        + "\"env:CDI_CONNECTIONS_NOT_SET\"): the connection name 'env:CDI_CONNECTIONS_NOT_SET' comes "
                        + "from the variable CDI_CONNECTIONS_NOT_SET, which is not set.")
                .hasMessageContaining("Injection point Mistakes.missingUrl: Connection 'strict' is missing the key "
                        + "'url'.")
                .hasMessageContaining("Injection point Mistakes.notAConnectionType: Connection 'x' (@Connection("
                        + "name = \"x\", type = \"" + COUNTING + "\")): the Java type java.lang.String is not a "
                        + "connection type.")
                .hasMessageContaining("Injection point Mistakes.noProxyConstructor: Connection 'x' (@Connection(name "
                        + "= \"x\")): io.cdiconnections.test.BrokenTypes$NoProxyConstructor has no non-private "
                        + "constructor without parameters, which CDI needs to make the client proxy of an injected "
                        + "connection. Add one: protected NoProxyConstructor() { } (it is used by proxies only).")
                .hasMessageContaining("Injection point Mistakes.finalMethod: Connection 'x' (@Connection(name = "
                        + "\"x\")): io.cdiconnections.test.BrokenTypes$FinalMethod cannot have a CDI client proxy "
                        + "because the method FinalMethod.greeting() is final. Remove final from it (or make it "
                        + "private).")
                .hasMessageContaining("Injection point Mistakes.finalClass: Connection 'x' (@Connection(name = "
                        + "\"x\")): io.cdiconnections.test.BrokenTypes$FinalClass is a final class, so CDI cannot "
                        + "make the client proxy of an injected connection. Remove final from its declaration: "
                        + "public class FinalClass extends ... (Connections.get works with a final class).")
                .hasMessageContaining("Injection point Mistakes(constructor) parameter 1")
                .hasMessageContaining("the type class com.example.Missing");
    }

    /** A valid injection point whose required key comes from config. */
    @Dependent
    public static class StrictUser {
        @Inject
        @Connection(name = "strict")
        StrictConnection connection;
    }

    @Test
    void requiredKeysPresentInConfigPassValidationWithoutConnecting() {
        TestConfigSource.VALUES.put("connections.strict.url", "jdbc:h2:mem:x");
        int connects = CountingConnection.CONNECTS.get();
        try (WeldContainer weld = start(StrictUser.class)) {
            StrictUser user = weld.select(StrictUser.class).get();
            assertThat(CountingConnection.CONNECTS.get()).isEqualTo(connects);
            assertThat(user.connection.raw().params.get("url")).contains("jdbc:h2:mem:x");
        }
    }
}
