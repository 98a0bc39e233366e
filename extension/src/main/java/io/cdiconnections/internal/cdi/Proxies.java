package io.cdiconnections.internal.cdi;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import io.cdiconnections.internal.registry.Resolution;

/**
 * Checks that an injected connection class can have a client proxy (it is {@code @ApplicationScoped}
 * or {@code @SessionScoped}) in every container, not only in Weld SE, whose relaxed construction
 * hides a missing no-argument constructor that WildFly, Payara and Open Liberty require.
 */
final class Proxies {

    private Proxies() {
    }

    /**
     * @param r a resolution
     * @return what keeps its class from being proxied, as a message with the fix, or null
     */
    static String problem(Resolution r) {
        Class<?> type = r.type();
        if (Modifier.isFinal(type.getModifiers())) {
            return CdiMessages.finalClass(r.name(), type, r.where());
        }
        if (!hasNoArgConstructor(type)) {
            return CdiMessages.noProxyConstructor(r.name(), type, r.where());
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isFinal(mod) && !Modifier.isStatic(mod) && !Modifier.isPrivate(mod) && !m.isSynthetic()) {
                    return CdiMessages.finalMethod(r.name(), type, c.getSimpleName() + "." + m.getName() + "()", r.where());
                }
            }
        }
        return null;
    }

    private static boolean hasNoArgConstructor(Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            return !Modifier.isPrivate(c.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
