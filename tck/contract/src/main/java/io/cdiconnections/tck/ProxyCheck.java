package io.cdiconnections.tck;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;

/**
 * What keeps a connection class from being a connection type that every container can inject:
 * the registry needs a public {@code (ConnectionContext)} constructor; a CDI client proxy (the
 * injected handle is {@code @ApplicationScoped} or {@code @SessionScoped}) needs a non-private
 * no-argument constructor, a non-final class and no final methods. Weld SE forgives a missing
 * no-argument constructor; WildFly, Payara and Open Liberty do not.
 */
final class ProxyCheck {

    private ProxyCheck() {
    }

    /** @return each problem with its fix, empty when there is none */
    static List<String> problems(Class<?> type) {
        List<String> problems = new ArrayList<>();
        String name = type.getSimpleName();
        if (!Modifier.isPublic(type.getModifiers())) {
            problems.add(name + " is not public: make it public");
        }
        if (Modifier.isFinal(type.getModifiers())) {
            problems.add(name + " is final: remove final, a client proxy subclasses it");
        }
        try {
            if (!Modifier.isPublic(type.getConstructor(ConnectionContext.class).getModifiers())) {
                problems.add(name + "(ConnectionContext) is not public");
            }
        } catch (NoSuchMethodException e) {
            problems.add(name + " has no public " + name + "(ConnectionContext) constructor: add one that calls super(context)");
        }
        try {
            Constructor<?> noArgs = type.getDeclaredConstructor();
            if (Modifier.isPrivate(noArgs.getModifiers())) {
                problems.add(name + "() is private: make it protected");
            }
        } catch (NoSuchMethodException e) {
            problems.add(name + " has no no-argument constructor: add protected " + name + "() { } for client proxies");
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isFinal(mod) && !Modifier.isStatic(mod) && !Modifier.isPrivate(mod) && !m.isSynthetic()) {
                    problems.add(c.getSimpleName() + "." + m.getName() + "() is final: a client proxy cannot forward it");
                }
            }
            if (c == BaseConnection.class) {
                break;
            }
        }
        return problems;
    }
}
