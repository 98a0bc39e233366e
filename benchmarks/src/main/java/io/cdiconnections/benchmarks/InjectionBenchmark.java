package io.cdiconnections.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.sql.SQLConnection;

/**
 * Row 2: calls on the injected {@code SQLConnection} (a Weld SE client proxy of our synthetic
 * {@code @ApplicationScoped} bean) against the same calls on what a developer writes by hand: an
 * {@code @ApplicationScoped} producer of a HikariDataSource, and an {@code @ApplicationScoped} bean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InjectionBenchmark {

    static final String URL = "jdbc:h2:mem:injected;DB_CLOSE_DELAY=-1";

    /** The hand-written producer: the baseline of every Java EE application without us. */
    @ApplicationScoped
    public static class HandWrittenProducer {
        /** @return the pool, on the same database as the injected connection */
        @Produces
        @ApplicationScoped
        public DataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(URL);
            config.setPoolName("hand-written");
            return new HikariDataSource(config);
        }

        void close(@Disposes DataSource ds) {
            ((HikariDataSource) ds).close();
        }
    }

    /** A hand-written application-scoped bean with a name, for the bare proxy dispatch. */
    @ApplicationScoped
    public static class HandWrittenBean {
        private final String name = "hand-written";

        /** @return its name */
        public String name() {
            return name;
        }
    }

    /** Where both are injected. */
    @Dependent
    public static class Service {
        @Inject
        @io.cdiconnections.Connection(name = "injected", options = "url=" + URL)
        SQLConnection sql;

        @Inject
        DataSource dataSource;

        @Inject
        HandWrittenBean bean;
    }

    WeldContainer container;
    Service service;

    /**
     * Boots Weld SE and makes both pools.
     *
     * @throws SQLException when a pool cannot connect
     */
    @Setup
    public void setup() throws SQLException {
        container = new Weld().disableDiscovery().skipShutdownHook()
                .addBeanClasses(HandWrittenProducer.class, HandWrittenBean.class, Service.class)
                .addExtension(new ConnectionExtension()).initialize();
        service = container.select(Service.class).get();
        service.sql.connection().close();
        service.dataSource.getConnection().close();
    }

    /** Stops Weld, closing both pools. */
    @TearDown
    public void tearDown() {
        container.close();
    }

    /** @return the name, through our client proxy */
    @Benchmark
    public String callOurs() {
        return service.sql.name();
    }

    /** @return the name, through the hand-written bean's client proxy */
    @Benchmark
    public String callBaselineBean() {
        return service.bean.name();
    }

    /**
     * @return the auto-commit flag of a connection borrowed through us and given back
     * @throws SQLException when no connection can be borrowed
     */
    @Benchmark
    public boolean borrowOurs() throws SQLException {
        try (Connection c = service.sql.connection()) {
            return c.getAutoCommit();
        }
    }

    /**
     * @return the same, of a connection borrowed from the hand-written producer's pool
     * @throws SQLException when no connection can be borrowed
     */
    @Benchmark
    public boolean borrowBaselineProducer() throws SQLException {
        try (Connection c = service.dataSource.getConnection()) {
            return c.getAutoCommit();
        }
    }
}
