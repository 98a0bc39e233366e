package io.cdiconnections.json;

import java.util.Map;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.sql.SQLConnection;

/** The JSON tests' table in H2: one row with a value of every kind, one of nulls. */
public final class Pets {

    private Pets() {
    }

    /**
     * @param database the in-memory database's name, one per test class
     * @return a connection to it, holding {@code pets} with rows 1 (every kind of value) and 2 (nulls)
     */
    public static SQLConnection create(String database) {
        SQLConnection sql = new SQLConnection(ConnectionContext.of(database,
                Map.of("url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")));
        sql.update("create table pets (id int primary key, name varchar(20), price decimal(30,10), big bigint, "
                + "ratio double precision, ok boolean, born date, at timestamp, at_tz timestamp with time zone, "
                + "wakes time, photo varbinary(8), tags varchar(5) array, uid uuid)");
        sql.update("insert into pets values (1, 'Rex', 12345678901234.1234567890, 9223372036854775807, 0.25, true, "
                + "date '2019-04-01', timestamp '2024-01-02 03:04:00', timestamp with time zone '2024-01-02 03:04:05.123+02:00', "
                + "time '07:30:00', X'0102ff', array['a','b'], '123e4567-e89b-12d3-a456-426614174000')");
        sql.update("insert into pets (id) values (2)");
        return sql;
    }
}
