package io.cdiconnections.cdi;

import java.lang.System.Logger.Level;

/** Whether MicroProfile Health is there, and the readiness check's class when it is. */
final class HealthSupport {

    private static final System.Logger LOG = System.getLogger(HealthSupport.class.getName());

    private HealthSupport() {
    }

    /**
     * @param loader the application's class loader
     * @return the readiness check's class, or null when the Health API cannot be loaded
     */
    static Class<?> checkClass(ClassLoader loader) {
        if (!loadable(ConnectionExtension.HEALTH_API_CLASS, loader)) {
            LOG.log(Level.DEBUG, "MicroProfile Health is not on the class path: no readiness check for connections");
            return null;
        }
        try {
            return Class.forName(ConnectionExtension.HEALTH_CHECK_CLASS, false, HealthSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // our class sees another class loader than the application (a shared library): no check
            LOG.log(Level.WARNING, "The MicroProfile Health API is on the class path but the connections readiness "
                    + "check cannot be loaded next to it: " + e);
            return null;
        }
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            Class.forName(className, false, HealthSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
