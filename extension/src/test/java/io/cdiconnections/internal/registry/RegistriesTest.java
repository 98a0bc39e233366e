package io.cdiconnections.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.test.TestConfigSource;

/**
 * The registry of the calling application is found by its class loader, always: the review ran
 * application B's query on application A's database, because with one registry registered the
 * lookup returned it whatever the thread's context class loader (the library in a server's shared
 * library folder serves every application).
 */
class RegistriesTest {

    @Test
    void aThreadOfAnotherApplicationNeverGetsTheOnlyRegisteredRegistry() throws Exception {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ConnectionRegistry a = new ConnectionRegistry(TestConfigSource.config(Map.of()), system);
        ConnectionRegistry b = null;
        try (URLClassLoader appA = new URLClassLoader("app-a", new URL[0], system);
             URLClassLoader appB = new URLClassLoader("app-b", new URL[0], system)) {
            Registries.register(appA, a);
            try {
                Thread.currentThread().setContextClassLoader(appA);
                assertThat(Registries.current()).as("application A's thread").isSameAs(a);

                Thread.currentThread().setContextClassLoader(appB);
                b = Registries.current();
                assertThat(b).as("application B's thread").isNotSameAs(a);
                assertThat(Registries.current()).as("application B's thread again").isSameAs(b);

                Thread.currentThread().setContextClassLoader(appA);
                assertThat(Registries.current()).as("application A's thread, with two registered").isSameAs(a);
            } finally {
                Thread.currentThread().setContextClassLoader(original);
                Registries.unregister(a);
                if (b != null) {
                    Registries.unregister(b);
                    b.close();
                }
                a.close();
            }
        }
    }

    @Test
    void aChildLoaderOfAnApplicationFindsItsRegistry() throws Exception {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ConnectionRegistry a = new ConnectionRegistry(TestConfigSource.config(Map.of()), system);
        try (URLClassLoader appA = new URLClassLoader("app-a", new URL[0], system);
             URLClassLoader jsp = new URLClassLoader("app-a-jsp", new URL[0], appA)) {
            Registries.register(appA, a);
            try {
                Thread.currentThread().setContextClassLoader(jsp);
                assertThat(Registries.current()).isSameAs(a);
            } finally {
                Thread.currentThread().setContextClassLoader(original);
                Registries.unregister(a);
                a.close();
            }
        }
    }
}
