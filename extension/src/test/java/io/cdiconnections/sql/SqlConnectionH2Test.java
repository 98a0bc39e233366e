package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.h2;
import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cdiconnections.test.LogCapture;

/** query, update, transactions, the ttl cache and JDBC access, against an embedded H2 database. */
class SqlConnectionH2Test {

    private SQLConnection sql;

    @BeforeEach
    void createPets() {
        sql = h2(uniqueName("h2"));
        sql.update("create table pets (id int primary key, owner_name varchar(50), born date, weight decimal(5,2))");
        sql.update("insert into pets values (1, 'jerry', date '2019-05-01', 4.50), (2, 'barbara', date '2021-01-02', 12.25)");
    }

    @AfterEach
    void close() {
        sql.close();
    }

    @Test
    void queryReturnsColumnsWithTheirTypesAndEveryRow() {
        Table t = sql.query("select id, owner_name, born from pets order by id");

        assertThat(t.size()).isEqualTo(2);
        assertThat(t.columnNames()).containsExactly("ID", "OWNER_NAME", "BORN");
        assertThat(t.columns().get(0).jdbcType()).contains(JDBCType.INTEGER);
        assertThat(t.columns().get(1).typeName()).isEqualToIgnoringCase("CHARACTER VARYING");
        assertThat(t.get(0, "owner_name")).isEqualTo("jerry");
        assertThat(t.get(1, 0)).isEqualTo(2);
        assertThat(t.row(0).get("born", LocalDate.class)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(t.column("id")).containsExactly(1, 2);
        assertThat(t.stream().map(r -> r.get("owner_name")).toList()).containsExactly("jerry", "barbara");
        int n = 0;
        for (Row row : t) {
            n += (Integer) row.get(0);
        }
        assertThat(n).isEqualTo(3);
        assertThat(t.asMaps().get(0)).containsEntry("OWNER_NAME", "jerry");
        assertThat(t.toString()).isEqualTo("Table[ID, OWNER_NAME, BORN] (2 rows)");
    }

    record Pet(long id, String ownerName, LocalDate born, BigDecimal weight) {
    }

    @Test
    void rowsMapToRecordsBySnakeOrCamelNameIgnoringCase() {
        List<Pet> pets = sql.query("select * from pets order by id").as(Pet.class);

        assertThat(pets).containsExactly(new Pet(1, "jerry", LocalDate.of(2019, 5, 1), new BigDecimal("4.50")),
                new Pet(2, "barbara", LocalDate.of(2021, 1, 2), new BigDecimal("12.25")));
    }

    /** A bean: one property through a setter, one through a field. */
    static class PetBean {
        private String ownerName;
        double weight;

        public void setOwnerName(String ownerName) {
            this.ownerName = ownerName == null ? null : ownerName.toUpperCase();
        }
    }

    @Test
    void rowsMapToBeansThroughSettersAndFields() {
        List<PetBean> pets = sql.query("select owner_name, weight from pets order by id").as(PetBean.class);

        assertThat(pets).extracting(p -> p.ownerName).containsExactly("JERRY", "BARBARA");
        assertThat(pets).extracting(p -> p.weight).containsExactly(4.5, 12.25);
    }

    @Test
    void sqlNullMapsToNullForReferenceTypes() {
        sql.update("insert into pets (id) values (3)");

        Pet pet = sql.query("select * from pets where id = 3").as(Pet.class).get(0);
        PetBean bean = sql.query("select owner_name from pets where id = 3").as(PetBean.class).get(0);

        assertThat(pet).isEqualTo(new Pet(3, null, null, null));
        assertThat(bean.ownerName).isNull();
        assertThat(sql.query("select born from pets where id = 3").row(0).get("born", LocalDate.class)).isNull();
        assertThat(sql.query("select owner_name from pets where id = 3").as(String.class)).containsExactly((String) null);
    }

    @Test
    void aOneColumnResultMapsToSingleValues() {
        assertThat(sql.query("select owner_name from pets order by id").as(String.class)).containsExactly("jerry", "barbara");
        assertThat(sql.query("select count(*) from pets").as(Long.class)).containsExactly(2L);
    }

    record Unmatched(long id, String nickname) {
    }

    record Primitive(int weight) {
    }

    @Test
    void mappingProblemsNameTheComponentAndTheColumns() {
        assertThatThrownBy(() -> sql.query("select id, owner_name from pets").as(Unmatched.class))
                .isInstanceOf(QueryException.class)
                .hasMessage("No column of the result fills the component 'nickname' of record " + Unmatched.class.getName()
                        + "; the columns are [ID, OWNER_NAME]. Names match ignoring case and underscores (owner_name fills "
                        + "ownerName): rename the component or alias the column in SQL (select ... as nickname).");
        assertThatThrownBy(() -> sql.query("select cast(null as int) as weight").as(Primitive.class))
                .hasMessage("Column 'WEIGHT' is NULL but 'weight' is a int, which cannot hold null. Use the wrapper type "
                        + "(such as Integer) or coalesce the column in SQL.");
        assertThatThrownBy(() -> sql.query("select id, owner_name from pets").as(String.class))
                .hasMessage("as(java.lang.String.class) maps each row to a single value, but the result has 2 columns. "
                        + "Select one column, or map to a record or bean with a component per column.");
        assertThatThrownBy(() -> sql.query("select owner_name from pets").as(LocalDate.class))
                .hasMessage("The value of column 'OWNER_NAME' is a String and cannot be converted to java.time.LocalDate "
                        + "LocalDate. Change the type of the component or property, or cast the column in SQL.");
        assertThatThrownBy(() -> sql.query("select id from pets").get(0, "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The result has no column 'nope'; its columns are [ID].");
        assertThatThrownBy(() -> sql.query("select id from pets").as(Object[].class)) // an array is not a bean
                .hasMessageContaining("Rows cannot be mapped to [Ljava.lang.Object;");
    }

    /** A class rows cannot fill: no constructor without parameters. */
    static class NoDefaultConstructor {
        NoDefaultConstructor(String s) {
        }
    }

    /** A bean none of whose properties is a column. */
    static class Unrelated {
        private String nickname;
    }

    record Picky(String ownerName) {
        Picky {
            if (ownerName.startsWith("j")) {
                throw new IllegalArgumentException("no j");
            }
        }
    }

    @Test
    void classesRowsCannotFillAreNamed() {
        assertThatThrownBy(() -> sql.query("select owner_name from pets").as(NoDefaultConstructor.class))
                .isInstanceOf(QueryException.class)
                .hasMessage("Rows cannot be mapped to " + NoDefaultConstructor.class.getName() + ": it needs a canonical "
                        + "constructor (a record) or a constructor without parameters (a bean) that can be called; make "
                        + "the class and constructor public, or open its package to cdi-connections.");
        assertThatThrownBy(() -> sql.query("select owner_name from pets").as(Unrelated.class))
                .hasMessage("No setter or field of " + Unrelated.class.getName() + " matches a column of the result "
                        + "[OWNER_NAME]. Names match ignoring case and underscores (owner_name sets setOwnerName or the "
                        + "field ownerName).");
        assertThatThrownBy(() -> sql.query("select owner_name from pets order by id").as(Picky.class))
                .hasMessage("Mapping a row to " + Picky.class.getName() + " failed: its constructor or a setter threw "
                        + "java.lang.IllegalArgumentException: no j.");
    }

    @Test
    void aBusyPoolIsWaitedForAgainNotReplacedAndThenReported() throws Exception {
        SQLConnection busy = h2(uniqueName("busy"), "pool.maximumPoolSize", "1", "pool.connectionTimeout", "250",
                "retry_attempts", "2");
        try (java.sql.Connection held = busy.connection();
             LogCapture log = new LogCapture(SQLConnection.class.getName())) {
            java.util.logging.Logger.getLogger(SQLConnection.class.getName()).setLevel(java.util.logging.Level.FINE);
            var pool = busy.raw();

            assertThatThrownBy(() -> busy.query("select 1"))
                    .isInstanceOf(io.cdiconnections.ConnectionUnavailableException.class)
                    .hasMessageStartingWith("Connection '" + busy.name() + "': the database could not be reached; the "
                            + "query failed 2 times, with a reconnect between attempts. Last error: "
                            + "SQLTransientConnectionException: cdi-connections-" + busy.name()
                            + " - Connection is not available, request timed out after ")
                    .hasMessageEndingWith(". The next call tries again.");
            assertThat(busy.raw()).isSameAs(pool);
            assertThat(log.messages()).containsExactly("Connection '" + busy.name() + "': the database could not be "
                    + "reached; reconnecting and trying the query again in 50 ms.");
        } finally {
            java.util.logging.Logger.getLogger(SQLConnection.class.getName()).setLevel(null);
            busy.close();
        }
    }

    @Test
    void namedParametersAreBoundNeverSpliced() {
        String hostile = "'; drop table pets; --";
        sql.update("insert into pets (id, owner_name) values (:id, :owner)", Map.of("id", 3, "owner", hostile));

        Table t = sql.query("select owner_name from pets where owner_name = :owner", Map.of("owner", hostile));

        assertThat(t.as(String.class)).containsExactly(hostile);
        assertThat(sql.query("select count(*) from pets").as(Long.class)).containsExactly(3L);
    }

    @Test
    void colonsInQuotesCommentsAndCastsAreNotParameters() {
        Table t = sql.query("select ':not_a_param' as a, \"ID\"::varchar as b -- :nor_this\n"
                + "from pets /* :nor :that */ where id = :id::int", Map.of("id", "1"));

        assertThat(t.row(0).values()).containsExactly(":not_a_param", "1");
    }

    @Test
    void aCollectionExpandsToAnInList() {
        Table t = sql.query("select id from pets where id in :ids order by id", Map.of("ids", List.of(2, 1, 99)));

        assertThat(t.as(Integer.class)).containsExactly(1, 2);
    }

    @Test
    void missingExtraAndEmptyParametersAreNamed() {
        String name = sql.name();
        assertThatThrownBy(() -> sql.query("select * from pets where id = :id and owner_name = :owner", Map.of("id", 1)))
                .isInstanceOf(QueryException.class)
                .hasMessage("Connection '" + name + "': the SQL uses the parameter :owner but no value named 'owner' was "
                        + "given (values given: id). Pass it, as in query(sql, Map.of(\"owner\", value)); a literal colon "
                        + "is written \\:owner.");
        assertThatThrownBy(() -> sql.query("select * from pets where id = :id", Map.of("id", 1, "idd", 2)))
                .hasMessage("Connection '" + name + "': a value named 'idd' was given but the SQL has no :idd (its "
                        + "parameters: :id). Remove the value or fix the name; a :name inside quotes or a comment is "
                        + "not a parameter.");
        assertThatThrownBy(() -> sql.update("delete from pets where id in :ids", Map.of("ids", List.of())))
                .hasMessage("Connection '" + name + "': the parameter :ids is an empty collection, and an IN list needs "
                        + "at least one value. Skip the query, or leave the condition out, when the list is empty.");
    }

    @Test
    void updateReturnsTheRowsChanged() {
        assertThat(sql.update("update pets set weight = weight + :d", Map.of("d", 1))).isEqualTo(2);
        assertThat(sql.update("delete from pets where id = 1")).isEqualTo(1);
    }

    @Test
    void aStatementThatFailsSaysWhyWithItsSqlState() {
        assertThatThrownBy(() -> sql.query("select * from no_such_table"))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("42S02"))
                .hasMessageStartingWith("Connection '" + sql.name() + "': the statement failed (SQLState 42S02): "
                        + "JdbcSQLSyntaxErrorException: Table \"NO_SUCH_TABLE\" not found")
                .hasMessageEndingWith(". Statement: select * from no_such_table");
    }

    @Test
    void queryThatMatchesNoRowsReturnsAnEmptyTable() {
        Table t = sql.query("select id, owner_name from pets where id < 0");
        assertThat(t.isEmpty()).isTrue();
        assertThat(t.columnNames()).containsExactly("ID", "OWNER_NAME");
    }

    @Test
    void queryOnAStatementWithoutAResultSetSaysToUseUpdate() {
        assertThatThrownBy(() -> sql.query("create table other (id int)"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Connection '" + sql.name() + "': query() ran a statement that is not a query (produces "
                        + "no result set). Use update() for insert, update, delete and DDL statements; query() is for "
                        + "statements that produce a result set, even an empty one, and is retried when the "
                        + "connection is lost.");
    }

    @Test
    void aTransactionCommitsWhenTheWorkReturns() {
        long count = sql.withTransaction(tx -> {
            tx.update("insert into pets (id, owner_name) values (:id, 'tom')", Map.of("id", 10));
            tx.update("insert into pets (id, owner_name) values (11, 'tom')");
            return tx.query("select count(*) from pets").as(Long.class).get(0);
        });

        assertThat(count).isEqualTo(4);
        assertThat(sql.query("select count(*) from pets where owner_name = 'tom'").as(Long.class)).containsExactly(2L);
    }

    @Test
    void aTransactionRollsBackWhenTheWorkThrowsAndPassesTheErrorOn() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> sql.withTransaction(tx -> {
            tx.update("insert into pets (id, owner_name) values (20, 'tom')");
            try (Statement st = tx.connection().createStatement()) {
                st.executeUpdate("delete from pets");
            }
            throw boom;
        })).isSameAs(boom);
        assertThatThrownBy(() -> sql.withTransaction(tx -> tx.update("insert into pets (id) values (1)")))
                .isInstanceOf(QueryException.class).hasMessageContaining("SQLState 23505");

        assertThat(sql.query("select id from pets order by id").as(Integer.class)).containsExactly(1, 2);
    }

    @Test
    void withATtlTheResultIsServedFromTheCacheUntilReset() {
        QueryOptions cached = QueryOptions.defaults().ttl(Duration.ofMinutes(5));
        Table first = sql.query("select count(*) from pets", cached);
        sql.update("delete from pets where id = 1");

        assertThat(sql.query("select count(*) from pets", cached)).isSameAs(first);
        assertThat(sql.query("select count(*) from pets").as(Long.class)).containsExactly(1L); // no ttl: fresh
        assertThat(sql.caches().local().size()).isEqualTo(1);

        sql.reset();

        assertThat(sql.caches().local().size()).isZero();
        assertThat(sql.query("select count(*) from pets", cached).as(Long.class)).containsExactly(1L);
    }

    @Test
    void theCacheKeyHoldsTheParametersAndQueryTtlFromSecretsAppliesToEveryQuery() {
        SQLConnection withTtl = h2(uniqueName("h2ttl"), "query_ttl", "PT1M");
        try {
            withTtl.update("create table t (id int)");
            withTtl.update("insert into t values (1), (2)");
            Table one = withTtl.query("select id from t where id = :id", Map.of("id", 1));
            Table two = withTtl.query("select id from t where id = :id", Map.of("id", 2));

            assertThat(one.as(Integer.class)).containsExactly(1);
            assertThat(two.as(Integer.class)).containsExactly(2);
            assertThat(withTtl.query("select id from t where id = :id", Map.of("id", 1))).isSameAs(one);
            assertThat(withTtl.query("select id from t where id = :id",
                    QueryOptions.defaults().param("id", 1).ttl(Duration.ZERO))).isNotSameAs(one);
        } finally {
            withTtl.close();
        }
    }

    @Test
    void maxRowsLimitsTheResultAndIsPartOfTheCacheKey() {
        QueryOptions one = QueryOptions.defaults().maxRows(1).fetchSize(10).ttl(Duration.ofMinutes(1));

        assertThat(sql.query("select id from pets order by id", one).size()).isEqualTo(1);
        assertThat(sql.query("select id from pets order by id", one.maxRows(0)).size()).isEqualTo(2);
        assertThat(one.toString()).isEqualTo("QueryOptions[params=[], ttl=PT1M, maxRows=1, fetchSize=10, timeout=null, retry=reads]");
    }

    @Test
    void anExpiredResultIsReadAgain() throws InterruptedException {
        QueryOptions shortTtl = QueryOptions.defaults().ttl(Duration.ofMillis(200));
        Table first = sql.query("select count(*) from pets", shortTtl);
        Thread.sleep(400);

        assertThat(sql.query("select count(*) from pets", shortTtl)).isNotSameAs(first);
    }

    @Test
    void theDataSourceBorrowsFromTheCurrentPoolAcrossResets() throws Exception {
        DataSource ds = sql.dataSource();
        try (java.sql.Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from pets")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        sql.reset();
        try (java.sql.Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(sql.dataSource()).isSameAs(ds);
        assertThatThrownBy(() -> ds.getConnection("u", "p"))
                .hasMessage("Connection '" + sql.name() + "': the data source is a pool whose credentials come from the "
                        + "[connections." + sql.name() + "] section; getConnection(user, password) is not supported. "
                        + "Call getConnection(), or define another connection for the other user.");
    }

    @Test
    void anAbortedConnectionAlsoLetsGoOfItsPool() throws Exception {
        java.sql.Connection c = sql.connection();
        var pool = sql.raw();
        sql.reset();

        c.abort(Runnable::run);

        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void theDataSourceReportsAnUnreachableDatabaseAsJdbcDoes() {
        SQLConnection down = SqlTestSupport.postgres(uniqueName("dsdown"), "url", "jdbc:postgresql://127.0.0.1:1/test",
                "retry_attempts", "1");
        try {
            assertThatThrownBy(() -> down.dataSource().getConnection())
                    .isInstanceOf(java.sql.SQLTransientConnectionException.class)
                    .hasMessageStartingWith("Connection '" + down.name() + "' (SQLConnection) could not connect to ")
                    .hasCauseInstanceOf(io.cdiconnections.ConnectionUnavailableException.class);
        } finally {
            down.close();
        }
    }

    @Test
    void aBorrowedConnectionKeepsItsPoolOpenThroughAReset() throws Exception {
        java.sql.Connection c = sql.connection();
        var pool = sql.raw();
        sql.reset();

        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from pets")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        assertThat(pool.isClosed()).isFalse();
        c.close();
        c.close(); // harmless
        assertThat(pool.isClosed()).isTrue();
        assertThat(c.isClosed()).isTrue();
        assertThat(sql.raw()).isNotSameAs(pool);
    }
}
