package io.cdiconnections.internal.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.Resolution;

/**
 * The synthetic bean of one distinct {@code @Connection} request: {@code @ApplicationScoped}
 * (or {@code @SessionScoped} for a SESSION type), its types the resolved class and its
 * superclasses up to {@link BaseConnection}. Creating it asks the registry, so injection points
 * and {@code Connections} calls with the same arguments share one handle. A request that could
 * not be resolved gets a {@code @Dependent} stand-in that throws: the deployment fails at the end
 * of {@code AfterBeanDiscovery} with the real problem before it could be used.
 */
final class ConnectionBean implements Bean<BaseConnection<?>>, PassivationCapable {

    private final String key;
    /** Made once: Weld asks for it on every call through a client proxy, and hashes it. */
    private final String id;
    private final Set<Type> types;
    private final Set<Annotation> qualifiers;
    private final Class<? extends Annotation> scope;
    private final Class<?> beanClass;
    private final ConnectionRegistry registry;
    private final Resolution resolution;
    private final String problem;

    private ConnectionBean(String key, Set<Type> types, Class<? extends Annotation> scope, Class<?> beanClass,
                           ConnectionRegistry registry, Resolution resolution, String problem) {
        this.key = key;
        this.id = ConnectionBean.class.getName() + "#" + key;
        this.types = Set.copyOf(types);
        this.qualifiers = Set.of(new ConnectionKey.Literal(key), Any.Literal.INSTANCE);
        this.scope = scope;
        this.beanClass = beanClass;
        this.registry = registry;
        this.resolution = resolution;
        this.problem = problem;
    }

    /**
     * @param key        the canonical key
     * @param registry   the deployment's registry
     * @param resolution the resolved request
     * @param declared   the Java type of the injection points of this key (checked assignable)
     * @return the bean that gives the request's handle
     */
    static ConnectionBean of(String key, ConnectionRegistry registry, Resolution resolution, Type declared) {
        Class<? extends Annotation> scope = resolution.scope() == ConnectionScope.SESSION
                ? SessionScoped.class : ApplicationScoped.class;
        Set<Type> types = typeClosure(resolution.type());
        types.add(Types.legalBeanType(declared));
        return new ConnectionBean(key, types, scope, resolution.type(), registry, resolution, null);
    }

    /**
     * @param key      the canonical key
     * @param declared the Java type of the injection point
     * @param problem  why the request cannot be served
     * @return a stand-in that satisfies the injection point so that validation can report the problem
     */
    static ConnectionBean broken(String key, Type declared, String problem) {
        Set<Type> types = new LinkedHashSet<>();
        types.add(Object.class);
        types.add(Types.legalBeanType(declared));
        return new ConnectionBean(key, types, Dependent.class, ConnectionExtension.class, null, null, problem);
    }

    /** @return the class, its generic superclasses up to BaseConnection, and Object */
    static Set<Type> typeClosure(Class<?> type) {
        Set<Type> types = new LinkedHashSet<>();
        types.add(type);
        Type t = type.getGenericSuperclass();
        while (t != null) {
            Class<?> raw = Types.raw(t);
            if (raw == Object.class) {
                break;
            }
            types.add(t instanceof ParameterizedType && Types.hasTypeVariable(t) ? raw : t);
            if (raw == BaseConnection.class) {
                break;
            }
            t = raw.getGenericSuperclass();
        }
        types.add(Object.class);
        return types;
    }

    @Override
    public BaseConnection<?> create(CreationalContext<BaseConnection<?>> context) {
        if (problem != null) {
            throw new ConnectionException(problem);
        }
        return registry.handle(resolution);
    }

    @Override
    public void destroy(BaseConnection<?> instance, CreationalContext<BaseConnection<?>> context) {
        // a SESSION handle belongs to its session alone; a GLOBAL one is shared and closed by the registry
        if (resolution != null && resolution.scope() == ConnectionScope.SESSION) {
            instance.close();
        }
        context.release();
    }

    @Override
    public Set<Type> getTypes() {
        return types;
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return qualifiers;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return scope;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<Class<? extends Annotation>> getStereotypes() {
        return Set.of();
    }

    @Override
    public boolean isAlternative() {
        return false;
    }

    @Override
    public Class<?> getBeanClass() {
        return beanClass;
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return Set.of();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionBean other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key);
    }

    @Override
    public String toString() {
        return "ConnectionBean[" + (resolution != null ? resolution.where() + " -> " + resolution.type().getSimpleName()
                + " @" + scope.getSimpleName() : "unresolved") + ", types=" + Arrays.toString(types.toArray()) + "]";
    }
}
