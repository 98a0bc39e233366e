package io.cdiconnections.benchmarks.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.cdiconnections.sql.SQLConnection;

/**
 * The Jakarta peer: what a Java EE developer writes without us. A data source the server pools
 * ({@code @DataSourceDefinition}, the same maximum as ours), a prepared statement, typed getters by
 * position, one record per row.
 */
@DataSourceDefinition(name = "java:app/jdbc/peer", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/test", user = "postgres", minPoolSize = 1, maxPoolSize = 10)
@Path("peer/{owner}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PeerResource {

    static final String QUERY = "select id, owner, name, price, created from " + Seed.TABLE
            + " where owner = ? order by id";

    @Resource(lookup = "java:app/jdbc/peer")
    DataSource peer;

    @Inject
    @io.cdiconnections.Connection(name = "bench")
    SQLConnection sql;

    /**
     * @param owner whose items
     * @return them, mapped by hand
     * @throws SQLException when the query fails
     */
    @GET
    @Path("records")
    public List<Item> records(@PathParam("owner") String owner) throws SQLException {
        return read(peer, owner);
    }

    /**
     * The same hand-written JDBC on cdi-connections' HikariCP pool ({@code sql.dataSource()}):
     * what is left of the difference once both sides use the same pool.
     *
     * @param owner whose items
     * @return them, mapped by hand
     * @throws SQLException when the query fails
     */
    @GET
    @Path("on-our-pool")
    public List<Item> onOurPool(@PathParam("owner") String owner) throws SQLException {
        return read(sql.dataSource(), owner);
    }

    private static List<Item> read(DataSource pool, String owner) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                List<Item> items = new ArrayList<>();
                while (rs.next()) {
                    items.add(new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getObject(5, LocalDateTime.class)));
                }
                return items;
            }
        }
    }
}
