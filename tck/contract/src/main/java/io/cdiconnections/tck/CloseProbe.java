package io.cdiconnections.tck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The default of {@link ConnectionContract#isClosed(Object)}: asks the raw instance itself, through
 * a public {@code boolean isClosed()} ({@code HikariDataSource}, {@code java.sql.Connection},
 * {@code java.net.Socket}) or {@code boolean isOpen()} (Lettuce's connections, NIO channels), or
 * {@code boolean isShutdown()} (executors, clients built on them).
 */
final class CloseProbe {

    private static final String[][] PROBES = {{"isClosed", "true"}, {"isOpen", "false"}, {"isShutdown", "true"}};

    private CloseProbe() {
    }

    /**
     * @param raw a raw instance
     * @return whether it says it is closed
     * @throws UnsupportedOperationException when it has no method that tells
     */
    static boolean isClosed(Object raw) {
        for (String[] probe : PROBES) {
            Method m = publicMethod(raw.getClass(), probe[0]);
            if (m != null) {
                try {
                    return Boolean.parseBoolean(probe[1]) == (boolean) m.invoke(raw);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(raw.getClass().getName() + "." + probe[0] + "() failed", e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new UnsupportedOperationException("ConnectionContract cannot tell whether a " + raw.getClass().getName()
                + " is closed: it has no public isClosed(), isOpen() or isShutdown(). Override isClosed(R raw) in "
                + "your contract test to say how (for example, keep the closed instances in a set in close(R)).");
    }

    /** A boolean no-argument method declared by a public class or interface the instance is, or null. */
    private static Method publicMethod(Class<?> type, String name) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    Method m = c.getMethod(name);
                    if (m.getReturnType() == boolean.class && Modifier.isPublic(m.getDeclaringClass().getModifiers())
                            && !Modifier.isStatic(m.getModifiers())) {
                        return m;
                    }
                } catch (NoSuchMethodException e) {
                    // not on this type; its supertypes may still have it
                }
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(java.util.List.of(c.getInterfaces()));
        }
        return null;
    }
}
