package io.cdiconnections.it.connections.app;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/** JAX-RS resource with its own {@code @Connection} injection point. */
@Path("sql")
@RequestScoped
@Produces("text/plain")
public class SqlResource {

    @Inject
    @Connection(name = "sql")
    SQLConnection sql;

    @Inject
    SqlProbe probe;

    /** @return the handle and pool the resource was given */
    @GET
    @Path("identity")
    public String identity() {
        return Identity.of(sql);
    }

    /** @return the handle and pool the CDI bean was given */
    @GET
    @Path("bean-identity")
    public String beanIdentity() {
        return probe.identity();
    }

    /**
     * Runs a query with a parameter, then says which handle and pool ran it.
     *
     * @param n a number
     * @return {@code <n+1> <identity>}
     */
    @GET
    @Path("increment")
    public String increment(@QueryParam("n") int n) {
        Object next = sql.query("select cast(:n as int) + 1 as next", Map.of("n", n)).get(0, 0);
        return next + " " + Identity.of(sql);
    }

    /**
     * A {@link Table} returned as it is: the library's JAX-RS writer (json.jaxrs) writes it.
     *
     * @return one row of an integer, an exact decimal, a null, a timestamp and bytes
     */
    @GET
    @Path("table")
    @Produces("application/json")
    public Table table() {
        return sql.query("select 1 as \"one\", cast(1.50 as decimal(10,2)) as \"price\", null as \"nothing\", "
                + "timestamp '2024-01-02 03:04:05' as \"at\", X'0102ff' as \"bin\"");
    }

    /** A row of {@link #records}. */
    public record Numbered(int number, String name, java.time.LocalDateTime at) {
    }

    /**
     * Maps the same query's rows to a record three times: the first through the mapper every
     * plan shares, the others through a class the library defines for the plan in the server.
     *
     * @return the three lists, one per line
     */
    @GET
    @Path("records")
    public String records() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            out.append(sql.query("select 2 as \"number\", 'two' as \"name\", timestamp '2024-01-02 03:04:05' as \"at\" "
                    + "union all select 3, null, null").as(Numbered.class)).append('\n');
        }
        return out.toString();
    }

    /**
     * Which writer the server chose for a {@link Table} answered as JSON.
     *
     * @param providers the application's providers
     * @return the class name of the {@code MessageBodyWriter}
     */
    @GET
    @Path("table-writer")
    public String tableWriter(@jakarta.ws.rs.core.Context jakarta.ws.rs.ext.Providers providers) {
        jakarta.ws.rs.ext.MessageBodyWriter<Table> w = providers.getMessageBodyWriter(Table.class, Table.class,
                new java.lang.annotation.Annotation[0], jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        return w == null ? "none" : w.getClass().getName();
    }
}
