package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;

/**
 * An application with its own copy of this library (a WAR's WEB-INF/lib, a Weld SE program with
 * a class loader per application) must be collectable once it closed its source: the shared
 * watcher thread is that copy's own, and it must be gone when close() returns.
 */
class ClassLoaderReleaseTest {

    private static final String THREAD = "cdi-connections-secrets-watcher";
    private static final int APPLICATIONS = 20;
    private static final int GC_ATTEMPTS = 20;

    @TempDir
    Path tmp;

    @Test
    void closingTheSourceOfEachOfTwentyApplicationsStopsTheirThreadsAndFreesTheirClassLoaders() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "[connections.sql]\nhost = \"h\"");
        long before = watcherThreads();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            loaders.add(startAndStopApplication(file));
        }
        assertThat(watcherThreads()).as("watcher threads left after every source was closed").isLessThanOrEqualTo(before);
        for (int i = 0; i < GC_ATTEMPTS && loaders.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
        }
        assertThat(loaders).allSatisfy(loader -> assertThat(loader.get()).as("a class loader").isNull());
    }

    /** One application: its own copy of config-source, a source read and watched, then closed. */
    private static WeakReference<ClassLoader> startAndStopApplication(Path file) throws Exception {
        ClassLoader loader = new ChildFirst(new URL[] {codeOf(SecretsConfigSource.class), codeOf(Toml.class)},
                ClassLoaderReleaseTest.class.getClassLoader());
        Class<?> type = loader.loadClass(SecretsConfigSource.class.getName());
        assertThat(type.getClassLoader()).isSameAs(loader);
        Object source = type.getMethod("ofFiles", List.class).invoke(null, List.of(file));
        assertThat(type.getMethod("getValue", String.class).invoke(source, "connections.sql.host")).isEqualTo("h");
        assertThat(watcherThreads()).as("this application's watcher thread").isPositive();
        ((AutoCloseable) source).close();
        return new WeakReference<>(loader);
    }

    private static URL codeOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(THREAD)).count();
    }

    /** Loads this library and tomlj itself, everything else (the MicroProfile API) from its parent. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.cdiconnections.config.") && !name.startsWith("org.tomlj.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
