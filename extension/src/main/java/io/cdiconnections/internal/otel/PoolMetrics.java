package io.cdiconnections.internal.otel;

import java.util.List;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;

/**
 * HikariCP's own hook for the pool metrics ({@code HikariConfig.setMetricsTrackerFactory}): the
 * pool reports create, wait and use times and timeouts as they happen, and its {@link PoolStats}
 * (which HikariCP refreshes at most once a second) answers the connection counts when the meter
 * reads them. A retired pool's tracker is closed with it, and its series stop.
 */
final class PoolMetrics implements MetricsTrackerFactory {

    private final Instruments instruments;
    private final Attributes base;

    PoolMetrics(Instruments instruments, Attributes base) {
        this.instruments = instruments;
        this.base = base;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats stats) {
        return new Tracker(stats);
    }

    private final class Tracker implements IMetricsTracker {
        private final Attributes idle = base.toBuilder().put(Keys.STATE, "idle").build();
        private final Attributes used = base.toBuilder().put(Keys.STATE, "used").build();
        private final List<ObservableLongUpDownCounter> observed;

        Tracker(PoolStats stats) {
            var m = instruments.meter;
            observed = List.of(
                    m.upDownCounterBuilder("db.client.connection.count").setUnit("{connection}")
                            .setDescription("The number of connections that are currently in state described by the "
                                    + "state attribute.")
                            .buildWithCallback(o -> {
                                o.record(stats.getIdleConnections(), idle);
                                o.record(stats.getActiveConnections(), used);
                            }),
                    m.upDownCounterBuilder("db.client.connection.pending_requests").setUnit("{request}")
                            .setDescription("The number of current pending requests for an open connection.")
                            .buildWithCallback(o -> o.record(stats.getPendingThreads(), base)),
                    m.upDownCounterBuilder("db.client.connection.max").setUnit("{connection}")
                            .setDescription("The maximum number of open connections allowed.")
                            .buildWithCallback(o -> o.record(stats.getMaxConnections(), base)),
                    m.upDownCounterBuilder("db.client.connection.idle.min").setUnit("{connection}")
                            .setDescription("The minimum number of idle open connections allowed.")
                            .buildWithCallback(o -> o.record(stats.getMinConnections(), base)));
        }

        @Override
        public void recordConnectionCreatedMillis(long millis) {
            instruments.createTime.record(millis / 1e3, base);
        }

        @Override
        public void recordConnectionAcquiredNanos(long nanos) {
            instruments.waitTime.record(nanos / 1e9, base);
        }

        @Override
        public void recordConnectionUsageMillis(long millis) {
            instruments.useTime.record(millis / 1e3, base);
        }

        @Override
        public void recordConnectionTimeout() {
            instruments.timeouts.add(1, base);
        }

        @Override
        public void close() {
            observed.forEach(ObservableLongUpDownCounter::close);
        }
    }
}
