package io.cdiconnections.it.connections.app;

import java.util.Locale;

import io.cdiconnections.sql.SQLConnection;

/** Which database a connection reaches, asked of the database itself. */
public final class Databases {

    private Databases() {
    }

    /**
     * @param connection an H2 or PostgreSQL connection
     * @return the database name in lower case ({@code it-sql} for {@code jdbc:h2:mem:it-sql})
     */
    public static String nameOf(SQLConnection connection) {
        return String.valueOf(connection.query("select current_catalog").get(0, 0)).toLowerCase(Locale.ROOT);
    }

    /**
     * @param connection an H2 or PostgreSQL connection
     * @return the user the pool logged in as, in lower case
     */
    public static String userOf(SQLConnection connection) {
        return String.valueOf(connection.query("select current_user").get(0, 0)).toLowerCase(Locale.ROOT);
    }
}
