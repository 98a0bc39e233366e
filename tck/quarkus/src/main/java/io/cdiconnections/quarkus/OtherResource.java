package io.cdiconnections.quarkus;

import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.cdiconnections.Connection;
import io.cdiconnections.Connections;
import io.cdiconnections.sql.SQLConnection;

/** A second resource asking for the same connection three ways: injection, lookup, {@code Connections}. */
@Path("/other")
@Produces(MediaType.APPLICATION_JSON)
public class OtherResource {

    @Inject
    @Connection(name = "sql")
    SQLConnection sql;

    @Inject
    @Any
    Instance<SQLConnection> lookup;

    @Inject
    Connections connections;

    /** @return the identities of the injected handle and of its pool */
    @GET
    @Path("/pool")
    public Map<String, Integer> pool() {
        return Identities.of(sql);
    }

    /** @return the identities of the handle that a dynamic lookup gives */
    @GET
    @Path("/lookup")
    public Map<String, Integer> lookup() {
        return Identities.of(lookup.select(Connection.Literal.of("sql")).get());
    }

    /** @return the identities of the handle that {@code Connections} gives */
    @GET
    @Path("/connections")
    public Map<String, Integer> connections() {
        return Identities.of(connections.select("sql", SQLConnection.class));
    }
}
