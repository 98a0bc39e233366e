package io.cdiconnections.it.payara.app;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.QueryOptions;
import io.cdiconnections.sql.Row;
import io.cdiconnections.sql.SQLConnection;

/**
 * What PayaraSharedCacheIT asks each Payara Micro instance: a ttl'd query that bumps a PostgreSQL
 * sequence (so the database counts its executions), the members of Payara's Hazelcast cluster, and
 * the entries of the shared cache as Payara's own cache manager sees them.
 */
@Path("grid")
@RequestScoped
@Produces("text/plain")
public class GridResource {

    /** The cache {@code [connections.grid]} writes to: the library's default, {@code cdi-connections.<name>}. */
    static final String CACHE = "cdi-connections.grid";

    @Inject
    @Connection(name = "grid")
    SQLConnection grid;

    /**
     * Runs {@code select nextval(seq), ...} with a ttl.
     *
     * @param seq     the sequence, an identifier
     * @param variant told apart in the SQL, so each variant is a query (and a cache key) of its own
     * @param ttl     the ttl in milliseconds
     * @return {@code n|at|token} of the one row: the sequence value, the database's time and a random token
     */
    @GET
    @Path("next")
    public String next(@QueryParam("seq") String seq, @QueryParam("variant") int variant, @QueryParam("ttl") long ttl) {
        if (seq == null || !seq.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new BadRequestException("seq: an identifier");
        }
        Row row = grid.query("select nextval('" + seq + "') + " + variant + " - " + variant + " as n, "
                + "cast(clock_timestamp() as timestamp) as at, md5(random()::text) as token",
                QueryOptions.defaults().ttl(Duration.ofMillis(ttl))).row(0);
        return row.get("n") + "|" + row.get("at") + "|" + row.get("token");
    }

    /**
     * @return the address of each member of Payara's Hazelcast cluster, one a line (Hazelcast's API
     *         through Payara's instance's own class loader: the WAR does not compile against it)
     * @throws ReflectiveOperationException when Hazelcast's API changed
     * @throws NamingException when Payara bound no Hazelcast instance
     */
    @GET
    @Path("members")
    public String members() throws ReflectiveOperationException, NamingException {
        Object hazelcast = new InitialContext().lookup("payara/Hazelcast");
        ClassLoader loader = hazelcast.getClass().getClassLoader();
        Object cluster = method(loader, "com.hazelcast.core.HazelcastInstance", "getCluster").invoke(hazelcast);
        Collection<?> members = (Collection<?>) method(loader, "com.hazelcast.cluster.Cluster", "getMembers").invoke(cluster);
        Method address = method(loader, "com.hazelcast.cluster.Member", "getAddress");
        StringBuilder out = new StringBuilder();
        for (Object member : members) {
            out.append(address.invoke(member)).append('\n');
        }
        return out.toString();
    }

    private static Method method(ClassLoader loader, String type, String name) throws ReflectiveOperationException {
        return Class.forName(type, false, loader).getMethod(name);
    }

    /**
     * @return the keys of the shared cache, one a line, read through the cache manager Payara binds
     *         at {@code payara/CacheManager}: entries there are in Payara's Hazelcast, not in a
     *         member the library would have started of its own
     * @throws NamingException when Payara bound no cache manager
     */
    @GET
    @Path("entries")
    public String entries() throws NamingException {
        CacheManager manager = (CacheManager) new InitialContext().lookup("payara/CacheManager");
        Cache<String, byte[]> cache = manager.getCache(CACHE, String.class, byte[].class);
        if (cache == null) {
            return "";
        }
        java.util.List<String> keys = new java.util.ArrayList<>();
        cache.forEach(e -> keys.add(e.getKey()));
        return keys.stream().sorted().collect(Collectors.joining("\n"));
    }
}
