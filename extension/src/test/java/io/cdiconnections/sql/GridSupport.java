package io.cdiconnections.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The data grid of the shared cache's tests: Hazelcast members on 127.0.0.1 only (TCP/IP join,
 * no multicast, no auto-detection, no phone-home: src/test/resources/cdi-grid-hazelcast.xml),
 * a cluster name and port range of this run's own, and PostgreSQL's sequences to count executions.
 */
final class GridSupport {

    static final String PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    static final String CONFIG = "classpath:cdi-grid-hazelcast.xml";

    private GridSupport() {
    }

    /** Sets the cluster name and ports of this JVM's members, once; a child JVM gets the same through {@link #jvmProperties()}. */
    static synchronized void configure() {
        if (System.getProperty("cdi.grid.cluster") == null) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(2_000) * 4;
            System.setProperty("cdi.grid.cluster", "cdi-grid-" + ProcessHandle.current().pid());
            System.setProperty("cdi.grid.port", Integer.toString(port));
            System.setProperty("hazelcast.phone.home.enabled", "false");
        }
    }

    /** @return -D options giving a child JVM this JVM's cluster */
    static List<String> jvmProperties() {
        configure();
        List<String> d = new ArrayList<>();
        for (String key : List.of("cdi.grid.cluster", "cdi.grid.port", "hazelcast.phone.home.enabled")) {
            d.add("-D" + key + "=" + System.getProperty(key));
        }
        return d;
    }

    /** @return the options of a connection whose results go to the grid, then {@code extra} */
    static String[] jcache(String... extra) {
        configure();
        List<String> o = new ArrayList<>(List.of("cache", "jcache", "cache_provider", PROVIDER, "cache_uri", CONFIG));
        o.addAll(Arrays.asList(extra));
        return o.toArray(String[]::new);
    }
}
