package io.cdiconnections.benchmarks.server;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/** One owner's 20 items through cdi-connections, as a user writes it. */
@Path("ours/{owner}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OursResource {

    static final String QUERY = "select id, owner, name, price, created from " + Seed.TABLE
            + " where owner = :owner order by id";

    @Inject
    @Connection(name = "bench")
    SQLConnection sql;

    /**
     * @param owner whose items
     * @return the result as it comes, a {@link Table} in JSON
     */
    @GET
    @Path("table")
    public Table table(@PathParam("owner") String owner) {
        return sql.query(QUERY, Map.of("owner", owner));
    }

    /**
     * @param owner whose items
     * @return the result mapped by {@link Table#as(Class)}
     */
    @GET
    @Path("as")
    public List<Item> as(@PathParam("owner") String owner) {
        return sql.query(QUERY, Map.of("owner", owner)).as(Item.class);
    }

    /**
     * @param owner whose items
     * @return the rows mapped straight from JDBC by the typed query
     */
    @GET
    @Path("typed")
    public List<Item> typed(@PathParam("owner") String owner) {
        return sql.query(QUERY, Map.of("owner", owner), Item.class);
    }
}
