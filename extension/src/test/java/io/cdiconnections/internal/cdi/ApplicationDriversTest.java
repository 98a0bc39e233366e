package io.cdiconnections.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A server and an application as class loaders: the "server" loader holds H2, the
 * "application" loader below it holds this library and the PostgreSQL driver, as a WAR's
 * {@code WEB-INF/lib} does. Stopping the application deregisters its driver only, and then
 * nothing keeps its class loader.
 */
class ApplicationDriversTest {

    @Test
    void onlyTheApplicationsOwnDriverIsDeregistered() throws Exception {
        try (URLClassLoader server = new URLClassLoader(new URL[] {jarOf(org.h2.Driver.class)},
                ClassLoader.getPlatformClassLoader());
             URLClassLoader application = new URLClassLoader(
                     new URL[] {jarOf(ApplicationDrivers.class), jarOf(org.postgresql.Driver.class)}, server)) {
            Class.forName("org.h2.Driver", true, server);
            Class.forName("org.postgresql.Driver", true, application);

            assertThat(deregisterIn(application, application)).containsExactly("org.postgresql.Driver");
            // the server's driver was still registered: asking for the server's loader finds it
            assertThat(deregisterIn(application, server)).containsExactly("org.h2.Driver");
        }
    }

    @Test
    void anUndeployedApplicationsLoaderIsCollectedOnceItsDriverIsDeregistered() throws Exception {
        WeakReference<ClassLoader> loader = deployUseAndStop();

        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loader.get()).as("the application's class loader after GC").isNull();
    }

    /**
     * Open Liberty, before the fix: listing the drivers initialises, in the caller's loader, the
     * class of each driver registered by another loader under the same name, and a driver whose
     * class was never initialised registers itself then, after the list was taken. It must go too.
     */
    @Test
    void aDriverThatRegistersWhileTheDriversAreListedIsDeregisteredToo() throws Exception {
        try (URLClassLoader other = application(); URLClassLoader application = application()) {
            Class.forName("org.h2.Driver", true, other);

            assertThat(deregisterIn(application, application)).containsExactly("org.h2.Driver");
            assertThat(deregisterIn(application, application)).as("left registered").isEmpty();
            assertThat(deregisterIn(other, other)).containsExactly("org.h2.Driver");
        }
    }

    /** An application of its own: this library and H2, below the JVM's platform loader. */
    private static URLClassLoader application() {
        return new URLClassLoader(new URL[] {jarOf(ApplicationDrivers.class), jarOf(org.h2.Driver.class)},
                ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theJvmsOwnDriversStay() throws Exception {
        assertThat(ApplicationDrivers.deregister(Set.of(ClassLoader.getSystemClassLoader(),
                ClassLoader.getPlatformClassLoader()))).isEmpty();
        assertThat(DriverManager.getDriver("jdbc:h2:mem:").getClass()).isSameAs(org.h2.Driver.class);
    }

    private static WeakReference<ClassLoader> deployUseAndStop() throws Exception {
        URLClassLoader application = new URLClassLoader(
                new URL[] {jarOf(ApplicationDrivers.class), jarOf(org.h2.Driver.class)},
                ClassLoader.getPlatformClassLoader());
        Class.forName("org.h2.Driver", true, application);
        assertThat(deregisterIn(application, application)).containsExactly("org.h2.Driver");
        application.close();
        return new WeakReference<>(application);
    }

    /** Runs the library's own copy, in {@code caller}: DriverManager shows a caller what it can load. */
    @SuppressWarnings("unchecked")
    private static List<String> deregisterIn(ClassLoader caller, ClassLoader owned) throws Exception {
        Method deregister = Class.forName(ApplicationDrivers.class.getName(), true, caller)
                .getDeclaredMethod("deregister", Set.class);
        deregister.setAccessible(true);
        return (List<String>) deregister.invoke(null, Set.of(owned));
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
