package io.cdiconnections.internal.cdi;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Deregisters, when an application stops, the JDBC drivers its own class loaders loaded (a
 * driver in {@code WEB-INF/lib}), as Tomcat's {@code JdbcLeakPrevention} does. A JDBC driver
 * registers itself with {@link DriverManager} when its class is initialised, and
 * {@code DriverManager} holds it strongly for the life of the JVM: left there, it keeps the
 * undeployed application's class loader and every class it loaded (Payara warns about it on each
 * undeploy).
 *
 * <p>A driver the server provides, or one loaded by the JVM's own class path (plain Java SE,
 * where the JVM is the application and other code may still use it), is never touched.
 * {@code DriverManager} lets a caller list and deregister only the drivers its own class loader
 * can see, so this works when the library ships in the application beside the driver, the way
 * users deploy it.
 */
final class ApplicationDrivers {

    private static final Logger LOG = System.getLogger(ApplicationDrivers.class.getName());
    /** More than the rounds {@link #deregister} needs once every driver it can see has registered: one. */
    private static final int MAX_ROUNDS = 5;

    private ApplicationDrivers() {
    }

    /**
     * Deregisters every driver loaded by one of the application's class loaders or a loader
     * below one of them.
     *
     * @param applicationLoaders the class loaders that belong to the application alone
     * @return the class names of the drivers deregistered
     */
    static List<String> deregister(Set<ClassLoader> applicationLoaders) {
        Set<ClassLoader> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        owned.addAll(applicationLoaders);
        owned.removeAll(jvmLoaders());
        List<String> deregistered = new ArrayList<>();
        Set<Driver> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        // DriverManager.getDrivers() decides what a caller may see by loading each registered
        // driver's class by name in the caller's loader, initialising it: an application driver
        // whose class was never initialised (one that another application's copy names) registers
        // itself right then, behind the list it returns. So a first call only lets those
        // register; then ask until a round finds none of the application's.
        DriverManager.getDrivers();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Driver> ours = new ArrayList<>();
            for (Driver driver : Collections.list(DriverManager.getDrivers())) {
                if (loadedBy(driver.getClass().getClassLoader(), owned) && !refused.contains(driver)) {
                    ours.add(driver);
                }
            }
            if (ours.isEmpty()) {
                break;
            }
            for (Driver driver : ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                    deregistered.add(driver.getClass().getName());
                } catch (SQLException | SecurityException e) {
                    refused.add(driver);
                    LOG.log(Level.DEBUG, () -> "Could not deregister JDBC driver " + driver.getClass().getName()
                            + ": " + e);
                }
            }
        }
        if (!deregistered.isEmpty()) {
            LOG.log(Level.DEBUG, () -> "Deregistered the application's JDBC drivers " + deregistered);
        }
        return deregistered;
    }

    private static boolean loadedBy(ClassLoader loader, Set<ClassLoader> owned) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (owned.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The system class loader and its parents: they live as long as the JVM. */
    private static Set<ClassLoader> jvmLoaders() {
        Set<ClassLoader> jvm = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ClassLoader l = ClassLoader.getSystemClassLoader(); l != null; l = l.getParent()) {
            jvm.add(l);
        }
        return jvm;
    }
}
