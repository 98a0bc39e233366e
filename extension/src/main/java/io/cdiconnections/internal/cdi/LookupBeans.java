package io.cdiconnections.internal.cdi;

import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.InjectionPoint;

import io.cdiconnections.Connection;
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
 */
final class LookupBeans {

    private LookupBeans() {
    }

    static void add(AfterBeanDiscovery event, ConnectionRegistry registry, Set<Class<?>> resolvedTypes) {
        Set<Class<?>> types = new java.util.LinkedHashSet<>(resolvedTypes);
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
        for (Class<?> type : types) {
            event.addBean().types(type).scope(Dependent.class).beanClass(type)
                    .qualifiers(Connection.Literal.of(""), Any.Literal.INSTANCE)
                    .produceWith(lookup -> lookUp(registry, lookup.select(InjectionPoint.class).get()));
        }
    }

    private static Object lookUp(ConnectionRegistry registry, InjectionPoint ip) {
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
