package io.cdiconnections.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.config.SecretsConfigSource;

/**
 * Row 7 and the cold half of row 8: each measurement is one boot in a fresh JVM (one fork), as
 * an application starts. Row 7 boots Weld SE with 50 beans that have 200 {@code @Connection}
 * injection points over 20 connections (raw instances not created), against the same 50 beans
 * without them and without the extension; the extension's cost is the difference of the medians.
 * The warm variants boot again and again in one JVM, for the steady-state figure.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class StartupBenchmark {

    /** The container of the boot just measured, shut down after it. */
    @State(Scope.Thread)
    public static class Container {
        WeldContainer weld;

        /** Shuts the container down (not measured). */
        @TearDown(Level.Iteration)
        public void shutdown() {
            if (weld != null) {
                weld.close();
                weld = null;
            }
        }
    }

    /** A 10,000-key secrets.toml named by {@code secrets.files}. */
    @State(Scope.Thread)
    public static class Secrets {
        Path file;

        /** Writes the file. */
        @Setup(Level.Trial)
        public void write() {
            file = ConfigBenchmark.writeSecrets(ConfigBenchmark.SECTIONS);
            System.setProperty("secrets.files", file.toString());
        }

        /**
         * Deletes it.
         *
         * @throws IOException when it cannot be deleted
         */
        @TearDown(Level.Trial)
        public void delete() throws IOException {
            System.clearProperty("secrets.files");
            Files.deleteIfExists(file);
        }
    }

    static WeldContainer bootWith() {
        return new Weld().disableDiscovery().skipShutdownHook().addBeanClasses(StartupBeans.With.CLASSES)
                .addExtension(new ConnectionExtension()).initialize();
    }

    static WeldContainer bootWithout() {
        return new Weld().disableDiscovery().skipShutdownHook().addBeanClasses(StartupBeans.Without.CLASSES)
                .initialize();
    }

    /**
     * @param c where the container goes
     * @return the container: 50 beans, 200 injection points, the extension
     */
    @Benchmark
    public WeldContainer bootOurs(Container c) {
        c.weld = bootWith();
        return c.weld;
    }

    /**
     * @param c where the container goes
     * @return the container: the same 50 beans, no injection point, no extension
     */
    @Benchmark
    public WeldContainer bootBaseline(Container c) {
        c.weld = bootWithout();
        return c.weld;
    }

    /**
     * @param c where the container goes
     * @return as {@link #bootOurs}, the JVM warm
     */
    @Benchmark
    @Fork(1)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public WeldContainer bootWarmOurs(Container c) {
        return bootOurs(c);
    }

    /**
     * @param c where the container goes
     * @return as {@link #bootBaseline}, the JVM warm
     */
    @Benchmark
    @Fork(1)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public WeldContainer bootWarmBaseline(Container c) {
        return bootBaseline(c);
    }

    /**
     * @param s the file
     * @return the source, the first one this JVM reads (TOML parser classes loaded cold)
     */
    @Benchmark
    @Fork(5)
    public SecretsConfigSource secretsLoadCold(Secrets s) {
        SecretsConfigSource source = new SecretsConfigSource(null);
        source.close();
        return source;
    }
}
