package io.cdiconnections.it.telemetry.app;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;

/** A request that runs one query with a parameter on connection {@code traced} (PostgreSQL). */
@Path("traced")
@RequestScoped
@Produces("text/plain")
public class TracedResource {

    /** The statement as the application writes it, which the query span must record as it is. */
    public static final String QUERY = "select length(cast(:word as text)) as letters";

    @Inject
    @Connection(name = "traced")
    SQLConnection traced;

    /**
     * @param word any text, sent to the database as a bound parameter
     * @return its length, as PostgreSQL counts it
     */
    @GET
    @Path("length")
    public String length(@QueryParam("word") String word) {
        return String.valueOf(traced.query(QUERY, Map.of("word", word)).get(0, 0));
    }
}
