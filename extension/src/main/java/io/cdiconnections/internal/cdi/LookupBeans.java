package io.cdiconnections.internal.cdi;

import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.InjectionPoint;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;
import io.cdiconnections.internal.registry.Resolution;
import io.cdiconnections.internal.registry.TypeResolver;

/**
 * {@code @Dependent} beans qualified {@code @Connection} that serve dynamic lookups, which the
 * extension cannot see at deployment:
 * {@code @Any Instance<SQLConnection> i; i.select(Connection.Literal.of("sql")).get()}. Each reads
 * the qualifier of the lookup and asks the registry, so it returns the same shared handle as an
 * injection point with those arguments.
 *
 * <p>In CDI Lite ({@code io.cdiconnections.internal.lite}) such beans serve every
 * {@code @Connection} injection point, through {@link #lookUp} and {@link #builtInTypes}.
 */
public final class LookupBeans {

    private LookupBeans() {
    }

    static void add(AfterBeanDiscovery event, ConnectionRegistry registry, Set<Class<?>> resolvedTypes) {
        Set<Class<?>> types = new java.util.LinkedHashSet<>(resolvedTypes);
        types.addAll(builtInTypes());
        for (Class<?> type : types) {
            event.addBean().types(type).scope(Dependent.class).beanClass(type)
                    .qualifiers(Connection.Literal.of(""), Any.Literal.INSTANCE)
                    .produceWith(lookup -> lookUp(registry, lookup.select(InjectionPoint.class).get()));
        }
    }

    /**
     * @return the built-in connection types of this build ({@code sql}, and {@code snowflake} and
     *         {@code snowpark} where their classes load), each served by a lookup bean
     */
    public static Set<Class<?>> builtInTypes() {
        Set<Class<?>> types = new java.util.LinkedHashSet<>();
        for (String className : TypeResolver.SHORT_NAMES.values()) {
            try {
                Class<?> c = Class.forName(className, false, LookupBeans.class.getClassLoader());
                if (TypeResolver.isConcreteConnection(c)) {
                    types.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // that built-in type is not in this build
            }
        }
        return types;
    }

    /**
     * What a lookup bean gives: the registry's shared handle of the request the injection point's
     * {@code @Connection} makes, resolved against the injection point's Java type.
     *
     * @param registry the deployment's registry
     * @param ip       the injection point (or {@code Instance.select}) being served
     * @return the shared handle
     * @throws ConnectionException when the request does not resolve
     */
    public static Object lookUp(ConnectionRegistry registry, InjectionPoint ip) {
        Connection connection = null;
        for (java.lang.annotation.Annotation a : ip.getQualifiers()) {
            if (a instanceof Connection c) {
                connection = c;
            }
        }
        if (connection == null) {
            throw new IllegalStateException("no @Connection qualifier in " + ip);
        }
        Resolution r = registry.resolver().resolve(ConnectionRequest.of(connection), Types.raw(ip.getType()));
        return registry.handle(r);
    }
}
