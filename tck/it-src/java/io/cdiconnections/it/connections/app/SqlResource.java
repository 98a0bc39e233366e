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
}
