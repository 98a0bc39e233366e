package io.cdiconnections.it.redeploy.observer;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.security.AccessControlContext;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * Which live thread keeps a class loader, and how: its context class loader, its
 * {@code Runnable}, the protection domains it inherited from the code that made it, or a
 * thread-local value. Reads private fields of {@link Thread} where the server opens
 * {@code java.lang} to applications; says so where it cannot.
 */
public final class Holders {

    private Holders() {
    }

    /**
     * @param loader a class loader
     * @return each thread that keeps it, and how
     */
    public static List<String> of(ClassLoader loader) {
        List<String> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getContextClassLoader() == loader) {
                found.add(t.getName() + ": context class loader");
            }
            Object target = field(t, "target");
            if (target != null && target.getClass().getClassLoader() == loader) {
                found.add(t.getName() + ": runnable " + target.getClass().getName());
            }
            if (t.getClass().getClassLoader() == loader) {
                found.add(t.getName() + ": thread class " + t.getClass().getName());
            }
            Object acc = field(t, "inheritedAccessControlContext");
            if (acc instanceof AccessControlContext) {
                Object domains = field(acc, "context");
                for (int i = 0; domains != null && i < Array.getLength(domains); i++) {
                    ProtectionDomain pd = (ProtectionDomain) Array.get(domains, i);
                    if (pd != null && pd.getClassLoader() == loader) {
                        found.add(t.getName() + ": inherited access control context " + pd.getCodeSource());
                    }
                }
            }
            threadLocals(t, "threadLocals", loader, found);
            threadLocals(t, "inheritableThreadLocals", loader, found);
        }
        return found;
    }

    private static void threadLocals(Thread t, String name, ClassLoader loader, List<String> found) {
        Object map = field(t, name);
        Object table = map == null ? null : field(map, "table");
        for (int i = 0; table != null && i < Array.getLength(table); i++) {
            Object entry = Array.get(table, i);
            if (entry == null) {
                continue;
            }
            Object key = ((java.lang.ref.Reference<?>) entry).get();
            Object value = field(entry, "value");
            if (key != null && key.getClass().getClassLoader() == loader
                    || value != null && value.getClass().getClassLoader() == loader) {
                found.add(t.getName() + ": " + name + " " + (key == null ? "(stale key)" : key.getClass().getName())
                        + " = " + (value == null ? null : value.getClass().getName()));
            }
        }
    }

    private static Object field(Object owner, String name) {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
