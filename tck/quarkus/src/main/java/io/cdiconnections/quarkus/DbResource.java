package io.cdiconnections.quarkus;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;
import io.cdiconnections.sql.Table;

/** The library's recipe in a Quarkus REST resource: fields injected with {@code @Connection}. */
@Path("/db")
@Produces(MediaType.APPLICATION_JSON)
public class DbResource {

    @Inject
    @Connection(name = "sql")
    SQLConnection sql;

    /** The same section with a one-second ttl: its pool is rebuilt on the first use after that. */
    @Inject
    @Connection(name = "sql", ttl = "PT1S")
    SQLConnection shortLived;

    /** @return who and where the connection is, as a {@code Table} in JSON */
    @GET
    @Path("/who")
    public Table who() {
        return sql.query("select current_user as db_user, current_database() as db_name");
    }

    /** @return a small table, as JSON-B writes it */
    @GET
    @Path("/table")
    public Table table() {
        return sql.query("select * from (values (1, 'one'), (2, 'two')) as t(id, label) order by id");
    }

    /**
     * @param providers the application's providers
     * @return the class name of the writer Quarkus REST chose for a {@code Table} answered as JSON
     */
    @GET
    @Path("/table-writer")
    @Produces(MediaType.TEXT_PLAIN)
    public String tableWriter(@jakarta.ws.rs.core.Context jakarta.ws.rs.ext.Providers providers) {
        jakarta.ws.rs.ext.MessageBodyWriter<Table> w = providers.getMessageBodyWriter(Table.class, Table.class,
                new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        return w == null ? "none" : w.getClass().getName();
    }

    /** @return the identities of the handle and of its pool */
    @GET
    @Path("/pool")
    public Map<String, Integer> pool() {
        return Identities.of(sql);
    }

    /** @return the identities of the short-lived handle and of its pool */
    @GET
    @Path("/short-pool")
    public Map<String, Integer> shortPool() {
        shortLived.query("select 1");
        return Identities.of(shortLived);
    }
}
