package io.cdiconnections.internal.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;

import org.eclipse.microprofile.config.ConfigProvider;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;
import io.cdiconnections.internal.registry.Registries;
import io.cdiconnections.internal.registry.Resolution;
import io.cdiconnections.internal.registry.TypeResolver;

/**
 * The CDI portable extension of cdi-connections. It observes container events only: collects
 * every {@code @Connection} injection point and puts an internal binding qualifier in place of
 * the annotation, adds one synthetic bean per distinct request (and an injectable
 * {@link Connections}), validates every injection point at deployment and reports all problems
 * at once, and closes every connection at shutdown.
 */
public class ConnectionExtension implements Extension {

    private static final String LIBRARY_PACKAGE = "io.cdiconnections.";
    /** The jars (or folders) of the library's classes: this one's and the config source's. */
    private static final Set<String> LIBRARY_LOCATIONS = libraryLocations();

    private final Map<String, Request> requests = new LinkedHashMap<>();
    private final List<Site> sites = new ArrayList<>();
    private final Set<Class<?>> lookupTypes = new HashSet<>();
    /** The class loaders of the application's own classes, whose JDBC drivers go when it stops. */
    private final Set<ClassLoader> applicationLoaders = Collections.newSetFromMap(new IdentityHashMap<>());
    private ConnectionRegistry registry;
    /** The class loader the application's configuration was asked for with, once beans are registered. */
    private ClassLoader configLoader;
    /** Set once the beans are added: no injection point can get a bean of its own after that. */
    private boolean beansAdded;

    /**
     * A connection type found in a bean archive (discovery mode {@code all}) would otherwise be a
     * {@code @Dependent} bean made with its proxy constructor: a handle with no context that fails
     * on first use. Connection handles come from {@code @Connection} and {@code Connections} only.
     */
    void vetoConnectionTypesAsBeans(@Observes ProcessAnnotatedType<? extends BaseConnection<?>> event) {
        event.veto();
    }

    /**
     * The context class loader is not always the loader of the application's classes (Open
     * Liberty's is a wrapper beside it), so the loaders of the application's beans and of its
     * components that are injected (a servlet, a filter, a JAX-RS resource: no beans, and in an
     * archive of discovery mode {@code annotated} maybe the only classes CDI shows us) count as
     * the application's too; ours do not, since the library may be shared by the server.
     *
     * <p>Not {@code ProcessAnnotatedType<?>}: Weld logs WELD-000411 ("receives events for all
     * annotated types") for such an observer with the observer method as the log record's
     * parameter, and Open Liberty keeps its last 100 log records (soft references), so each
     * undeployed application stayed reachable through its own log line until they were cleared.
     */
    void collectApplicationLoaders(@Observes ProcessInjectionTarget<?> event) {
        addApplicationLoader(event.getAnnotatedType().getJavaClass());
    }

    private void addApplicationLoader(Class<?> type) {
        if (type.getClassLoader() != null && !ofTheLibrary(type)) {
            applicationLoaders.add(type.getClassLoader());
        }
    }

    /**
     * Whether a type is one of the library's own (its jar is a bean archive): named in our
     * package and loaded from the library's jars. The name alone is not enough: an
     * application's class may be named in our package too (our own test WARs' are, and on Open
     * Liberty they were then no loader of the application, whose drivers stayed registered).
     *
     * @param type a class CDI showed us
     * @return true for a class of the library's jar
     */
    static boolean ofTheLibrary(Class<?> type) {
        if (!type.getName().startsWith(LIBRARY_PACKAGE)) {
            return false;
        }
        String where = location(type);
        return where == null || LIBRARY_LOCATIONS.isEmpty() || LIBRARY_LOCATIONS.contains(where);
    }

    private static Set<String> libraryLocations() {
        Set<String> locations = new HashSet<>();
        for (Class<?> type : List.of(ConnectionExtension.class, io.cdiconnections.config.SecretsConfigSource.class)) {
            String where = location(type);
            if (where != null) {
                locations.add(where);
            }
        }
        return locations;
    }

    /** @return the jar or folder a class was loaded from, null when its loader does not say */
    private static String location(Class<?> type) {
        try {
            java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : source.getLocation().toExternalForm();
        } catch (SecurityException e) {
            return null;
        }
    }

    void collectConnectionInjectionPoints(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        if (ip.getMember() != null) {
            addApplicationLoader(ip.getMember().getDeclaringClass());
        }
        Connection connection = connectionQualifier(ip);
        if (connection == null) {
            return;
        }
        if (beansAdded) {
            // Seen after AfterBeanDiscovery, too late for a bean of its own: Weld Servlet on Tomcat
            // makes a servlet's injection target when Tomcat creates the servlet (its first request),
            // Jersey its resources' when it starts, and GlassFish that of a servlet that is no bean
            // (discovery mode annotated) at its first request. It keeps its @Connection, which the
            // lookup bean of its type serves, resolving the same shared handle then (a problem
            // fails that request, not the deployment).
            return;
        }
        Class<?> raw = Types.raw(ip.getType());
        if (DeploymentCheck.isDynamicLookup(raw.getName())) {
            // dynamic lookup: served by the @Dependent lookup beans, one per type
            if (ip.getType() instanceof java.lang.reflect.ParameterizedType p
                    && TypeResolver.isConcreteConnection(Types.raw(p.getActualTypeArguments()[0]))) {
                lookupTypes.add(Types.raw(p.getActualTypeArguments()[0]));
            }
            return;
        }
        String site = InjectionPoints.describe(ip);
        String problem = null;
        String key;
        ConnectionRequest request = null;
        try {
            request = ConnectionRequest.of(connection);
            key = request.canonical() + "|java=" + ip.getType().getTypeName();
        } catch (ConnectionException e) {
            key = "unparsable|" + site;
            problem = e.getMessage();
        }
        String k = key;
        ConnectionRequest r = request;
        Request req = requests.computeIfAbsent(key, x -> new Request(k, r, ip.getType()));
        if (problem != null) {
            req.problem = problem;
        }
        sites.add(new Site(site, req));
        Set<Annotation> qualifiers = new HashSet<>(ip.getQualifiers());
        qualifiers.removeIf(a -> a instanceof Connection);
        qualifiers.add(new ConnectionKey.Literal(key));
        event.configureInjectionPoint().qualifiers(qualifiers);
    }

    void registerConnectionBeans(@Observes AfterBeanDiscovery event) {
        ClassLoader loader = applicationClassLoader();
        applicationLoaders.add(loader);
        configLoader = loader;
        registry = new ConnectionRegistry(ConfigProvider.getConfig(loader), loader);
        Registries.register(loader, registry);
        for (Request req : requests.values()) {
            if (req.problem == null) {
                DeploymentCheck.Outcome outcome = DeploymentCheck.check(registry, req.request, Types.raw(req.declared));
                req.resolution = outcome.resolution();
                req.problem = outcome.problem();
                if (req.resolution != null) {
                    lookupTypes.add(req.resolution.type());
                }
            }
            event.addBean(req.problem == null ? ConnectionBean.of(req.key, registry, req.resolution, req.declared)
                    : ConnectionBean.broken(req.key, req.declared, req.problem));
        }
        beansAdded = true;
        ConnectionRegistry r = registry;
        event.addBean().types(Connections.class, Object.class).scope(Dependent.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .beanClass(ConnectionExtension.class)
                .produceWith(lookup -> Connections.boundTo(r));
        LookupBeans.add(event, registry, lookupTypes);
        validateInjectionPoints(event);
    }

    /**
     * Reports every bad injection point at once, as definition errors: here rather than in
     * {@code AfterDeploymentValidation}, so that a deployment we fail never reaches that event,
     * where other extensions register what they found (WildFly's health subsystem keeps the
     * readiness checks of a deployment that failed there, and reports them DOWN ever after).
     */
    private void validateInjectionPoints(AfterBeanDiscovery event) {
        boolean failed = false;
        for (Site site : sites) {
            if (site.request.problem != null) {
                event.addDefinitionError(new ConnectionException(DeploymentCheck.problem(site.name,
                        site.request.problem)));
                failed = true;
            }
        }
        if (failed) {
            stop(); // the deployment fails: BeforeShutdown never comes
            return;
        }
        for (Request req : requests.values()) {
            if (req.resolution != null) {
                registry.declare(req.resolution);
            }
        }
    }

    void closeConnections(@Observes BeforeShutdown event) {
        stop();
    }

    /**
     * Closes every connection, then lets go of the JDBC drivers the application brought and of
     * the configuration a server that never releases it keeps for the application (GlassFish).
     */
    private void stop() {
        if (registry != null) {
            registry.close();
            registry.stopWatchingSecrets();
        }
        ApplicationDrivers.deregister(applicationLoaders);
        applicationLoaders.clear();
        if (configLoader != null) {
            ServerConfigRelease.release(configLoader);
            configLoader = null;
        }
    }

    /** @return the registry of this deployment, once beans were registered */
    public ConnectionRegistry registry() {
        return registry;
    }

    private static Connection connectionQualifier(InjectionPoint ip) {
        for (Annotation a : ip.getQualifiers()) {
            if (a instanceof Connection c) {
                return c;
            }
        }
        return null;
    }

    private static ClassLoader applicationClassLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : ConnectionExtension.class.getClassLoader();
    }

    /** One distinct request: a canonical key and what became of it. */
    private static final class Request {
        final String key;
        final ConnectionRequest request;
        final Type declared;
        String problem;
        Resolution resolution;

        Request(String key, ConnectionRequest request, Type declared) {
            this.key = key;
            this.request = request;
            this.declared = declared;
        }
    }

    /** One injection point, named as users know it ({@code OrderService.sql}). */
    private record Site(String name, Request request) {
    }
}
