package io.cdiconnections.it.connections.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;

/** A CDI bean with one injection point for each way of choosing a connection. */
@ApplicationScoped
public class SqlProbe {

    /** Type from the Java type. */
    @Inject
    @Connection(name = "sql")
    SQLConnection sql;

    /** Type by short name. */
    @Inject
    @Connection(name = "byname", type = "sql")
    BaseConnection<?> byShortName;

    /** Type by class name. */
    @Inject
    @Connection(name = "byclass", type = "io.cdiconnections.sql.SQLConnection")
    BaseConnection<?> byClassName;

    /** The same name with a ttl: its own handle, its pool renewed every second. */
    @Inject
    @Connection(name = "sql", ttl = "PT1S")
    SQLConnection shortLived;

    /** Options in code override the secrets section. */
    @Inject
    @Connection(name = "sql", options = "url=jdbc:h2:mem:it-options;DB_CLOSE_DELAY=-1")
    SQLConnection withOptions;

    /** The machine's PostgreSQL. */
    @Inject
    @Connection(name = "pg")
    SQLConnection pg;

    /** @return the connection whose type comes from the Java type */
    public SQLConnection sql() {
        return sql;
    }

    /** @return the connection whose type is given by short name */
    public BaseConnection<?> byShortName() {
        return byShortName;
    }

    /** @return the connection whose type is given by class name */
    public BaseConnection<?> byClassName() {
        return byClassName;
    }

    /** @return connection {@code sql} with a ttl of one second */
    public SQLConnection shortLived() {
        return shortLived;
    }

    /** @return connection {@code sql} with its url given in code */
    public SQLConnection withOptions() {
        return withOptions;
    }

    /** @return the PostgreSQL connection */
    public SQLConnection pg() {
        return pg;
    }

    /** @return the identity of {@link #sql}, as the CDI bean sees it */
    public String identity() {
        return Identity.of(sql);
    }
}
