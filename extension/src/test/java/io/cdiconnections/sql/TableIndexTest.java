package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Table#indexBy}: Streamlit's {@code conn.query(sql, index_col="id")}, which hands
 * {@code index_col} to pandas' {@code read_sql} (Streamlit has no test of its own for it), with
 * unique keys where pandas allows duplicates.
 */
class TableIndexTest {

    private static SQLConnection sql;

    @BeforeAll
    static void pets() {
        sql = SqlTestSupport.h2(uniqueName("index"));
        sql.update("create table pets (id int primary key, big bigint, name varchar(20), owner varchar(20), "
                + "photo varbinary(4))");
        sql.update("insert into pets values (3, 30, 'Rex', 'jerry', X'01'), (1, 10, 'Tom', 'jerry', X'02'), "
                + "(2, 20, 'Kit', null, X'03')");
    }

    @AfterAll
    static void close() {
        sql.close();
    }

    @Test
    void rowsAreIndexedByTheColumnsValuesInRowOrder() {
        Map<Object, Row> byId = sql.query("select * from pets order by name").indexBy("ID");

        assertThat(byId.keySet()).containsExactly(2, 3, 1);
        assertThat(byId.get(3).get("name")).isEqualTo("Rex");
        assertThat(byId.get(3L)).as("an int column gives Integer keys").isNull();
        assertThatThrownBy(() -> byId.put(4, null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKeyTypeConvertsTheValues() {
        Map<Long, Row> byId = sql.query("select * from pets").indexBy("id", Long.class);
        assertThat(byId.get(1L).get("name")).isEqualTo("Tom");

        Map<String, Row> byBig = sql.query("select * from pets").indexBy("big", String.class);
        assertThat(byBig.keySet()).containsExactlyInAnyOrder("10", "20", "30");
    }

    @Test
    void aValueInTwoRowsIsAnErrorNamingTheColumnAndTheRowsNotTheValue() {
        assertThatThrownBy(() -> sql.query("select * from pets where owner is not null order by id").indexBy("owner"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Cannot index the result by column 'OWNER': rows 0 and 1 (counted from 0) hold the same "
                        + "value, and keys must be unique. Index by a column whose values are unique (a primary "
                        + "key), or group the rows yourself (table.stream().collect(groupingBy(...))).")
                .hasMessageNotContaining("jerry");
    }

    @Test
    void nullAndBinaryKeysAreErrors() {
        assertThatThrownBy(() -> sql.query("select * from pets order by id").indexBy("owner", String.class))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("Cannot index the result by column 'OWNER': row 1 (counted from 0) holds NULL");
        assertThatThrownBy(() -> sql.query("select * from pets").indexBy("photo"))
                .isInstanceOf(QueryException.class).hasMessageContaining("binary (byte[])");
        assertThatThrownBy(() -> sql.query("select * from pets").indexBy("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'nope'");
    }

    @Test
    void anEmptyResultIsAnEmptyIndex() {
        assertThat(sql.query("select * from pets where id < 0").indexBy("id")).isEmpty();
    }
}
