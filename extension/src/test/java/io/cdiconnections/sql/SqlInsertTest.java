package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cdiconnections.ConnectionContext;

/** {@link SQLConnection#insert}: many rows in one transaction, on H2, the local PostgreSQL and MariaDB. */
class SqlInsertTest {

    record Pet(int id, String name, LocalDate born, BigDecimal weight, LocalDateTime createdAt) {
    }

    /** A bean: getters, and one ({@code getLabel}) that no column matches and is left out. */
    public static final class PetBean {
        private final Pet pet;

        PetBean(Pet pet) {
            this.pet = pet;
        }

        public int getId() {
            return pet.id();
        }

        public String getName() {
            return pet.name();
        }

        public LocalDate getBorn() {
            return pet.born();
        }

        public BigDecimal getWeight() {
            return pet.weight();
        }

        public LocalDateTime getCreatedAt() {
            return pet.createdAt();
        }

        public String getLabel() {
            return pet.name() + "#" + pet.id();
        }
    }

    private SQLConnection sql;
    private String kind;
    private final List<String> drops = new ArrayList<>();

    private void open(String db) {
        kind = db;
        String name = uniqueName("ins" + db);
        sql = switch (db) {
            case "h2" -> SqlTestSupport.h2(name);
            case "postgres" -> SqlTestSupport.postgres(name);
            default -> SqlTestSupport.mariadb(name);
        };
    }

    /** @return a new table of pets, dropped after the test */
    private String petsTable() {
        String t = "cdi_ins_" + sql.name() + "_" + drops.size();
        sql.update("create table " + t + " (id int primary key, name varchar(50), born date, weight decimal(10,2), "
                + "created_at " + (kind.equals("mariadb") ? "datetime" : "timestamp") + ")");
        drops.add(t);
        return t;
    }

    private String quote(String id) {
        return kind.equals("mariadb") ? "`" + id.replace("`", "``") + "`" : "\"" + id.replace("\"", "\"\"") + "\"";
    }

    private List<Pet> readPets(String table) {
        return sql.query("select id, name, born, weight, created_at from " + table + " order by id").as(Pet.class);
    }

    private static List<Pet> pets(int n) {
        List<Pet> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new Pet(i, i % 3 == 0 ? null : "pet " + i, i % 4 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(i),
                    new BigDecimal(i + ".50"), LocalDateTime.of(2024, 5, 6, 7, 8, 9).plusMinutes(i)));
        }
        return list;
    }

    @AfterEach
    void close() {
        if (sql == null) {
            return;
        }
        try {
            for (String t : drops) {
                sql.update("drop table if exists " + t);
            }
        } finally {
            sql.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void recordsBeansMapsAndATableRoundTripWithNullsAndReturnTheCount(String db) {
        open(db);
        List<Pet> pets = pets(12);

        String records = petsTable();
        assertThat(sql.insert(records, pets)).isEqualTo(12);
        assertThat(readPets(records)).isEqualTo(pets);

        sql.update("delete from " + records);
        assertThat(sql.insert(records, pets.stream().map(PetBean::new).toList(), 5)).isEqualTo(12);
        assertThat(readPets(records)).isEqualTo(pets);

        sql.update("delete from " + records);
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Pet p : pets) {
            Map<String, Object> m = new HashMap<>(); // any key order; null values allowed
            m.put("created_at", p.createdAt());
            m.put("WEIGHT", p.weight());
            m.put("name", p.name());
            m.put("born", p.born());
            m.put("id", p.id());
            maps.add(m);
        }
        assertThat(sql.insert(records, maps)).isEqualTo(12);
        assertThat(readPets(records)).isEqualTo(pets);

        String copy = petsTable();
        Table table = sql.query("select * from " + records);
        assertThat(sql.insert(copy, table)).isEqualTo(12);
        assertThat(readPets(copy)).isEqualTo(pets);
        sql.update("delete from " + copy);
        assertThat(sql.insert(copy, sql.query("select * from " + records + " where id > 10").rows()))
                .as("rows of a Table").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void aFailureInTheMiddleKeepsNoRowAndNamesTheTable(String db) {
        open(db);
        String t = petsTable();
        List<Pet> pets = new ArrayList<>(pets(2000));
        pets.set(1500, pets.get(2)); // a duplicate key in row 1,500 of 2,000, in the second batch

        assertThatThrownBy(() -> sql.insert(t, pets))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("Connection '" + sql.name() + "': insert into '" + t + "' failed at ")
                .hasMessageContaining(db.equals("mariadb") // MariaDB's bulk batch does not say which row
                        ? "failed at the batch of rows 1000 to 1999 (from 0)" : "failed at row 1500 (from 0; in the batch of rows 1000 to 1999)")
                .hasMessageEndingWith("none of them is kept. Fix the data or the table and insert again.");
        assertThat(sql.query("select count(*) from " + t).as(Long.class)).containsExactly(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void quotesAndBackticksInNamesAreQuotedAndAColumnNameCannotInjectSql(String db) {
        open(db);
        String weird = "weird\"na`me " + sql.name();
        sql.update("create table " + quote(weird) + " (id int primary key, " + quote("first name") + " varchar(20))");
        drops.add(quote(weird));
        String victim = petsTable();

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("first name", "Ann");
        assertThat(sql.insert(weird, List.of(row))).isEqualTo(1);
        assertThat(sql.query("select * from " + quote(weird)).row(0).values()).containsExactly(1, "Ann");

        for (String attack : List.of("id\") values (1); drop table " + victim + "; --",
                "id`) values (1); drop table " + victim + "; --")) {
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put(attack, 2);
            assertThatThrownBy(() -> sql.insert(weird, List.of(bad)))
                    .isInstanceOf(QueryException.class)
                    .hasMessageContaining("the table has no column for '" + attack + "'");
        }
        assertThatThrownBy(() -> sql.insert(victim + "; drop table " + victim, pets(1)))
                .isInstanceOf(QueryException.class).hasMessageContaining("reading the table's columns, before any row");
        assertThatThrownBy(() -> sql.insert(weird, List.of(Map.of("id\0", 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThat(sql.query("select count(*) from " + victim).as(Long.class)).containsExactly(0L);
        assertThat(sql.query("select count(*) from " + quote(weird)).as(Long.class)).containsExactly(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void mapsWithOtherKeysFailBeforeConnectingNamingTheRowAndKeys(String db) {
        open(db);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1);
        first.put("name", "a");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("id", 2);
        second.put("nom", "b");

        assertThatThrownBy(() -> sql.insert("pets", List.of(first, first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Connection '" + sql.name() + "': insert into 'pets': row 2 has the columns [id, nom] but "
                        + "row 0 has [id, name]; every row must have the same keys (put null for a missing value). "
                        + "Nothing was inserted.");
        assertThat(sql.isConnected()).isFalse();
    }

    @Test
    void emptyInputReturnsZeroWithoutConnecting() {
        sql = new SQLConnection(ConnectionContext.of(uniqueName("insempty"),
                SqlTestSupport.options("url", "jdbc:postgresql://127.0.0.1:1/none", "username", "nobody")));

        assertThat(sql.insert("pets", List.of())).isZero();
        assertThat(sql.insert("pets", new ArrayList<Pet>(), 10)).isZero();
        assertThat(sql.isConnected()).isFalse();
    }

    @Test
    void aSchemaQualifiedTableOnPostgresql() {
        open("postgres");
        String schema = "cdi_ins_s_" + sql.name();
        sql.update("create schema " + schema);
        try {
            sql.update("create table " + schema + ".pets (id int primary key, name text)");
            assertThat(sql.insert(schema + ".pets", List.of(Map.of("id", 1, "name", "Rex")))).isEqualTo(1);
            assertThat(sql.query("select name from " + schema + ".pets").as(String.class)).containsExactly("Rex");
        } finally {
            sql.update("drop schema " + schema + " cascade");
        }
    }

    @Test
    void insertInsideWithTransactionIsRolledBackWithTheWork() {
        open("h2");
        String t = petsTable();

        assertThatThrownBy(() -> sql.withTransaction(tx -> {
            assertThat(tx.insert(t, pets(3))).isEqualTo(3);
            assertThat(tx.query("select count(*) from " + t).as(Long.class)).containsExactly(3L);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        assertThat(sql.query("select count(*) from " + t).as(Long.class)).containsExactly(0L);

        int n = sql.withTransaction(tx -> tx.insert(t, pets(2)));
        assertThat(n).isEqualTo(2);
        assertThat(readPets(t)).isEqualTo(pets(2));
    }

    @Test
    void aRowThatIsNotARowIsRefusedNamingIt() {
        open("h2");
        assertThatThrownBy(() -> sql.insert("pets", List.of("Rex")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 is a java.lang.String, not a row");
        assertThatThrownBy(() -> sql.insert("pets", java.util.Arrays.asList(new Pet(1, "a", null, null, null), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 (from 0) is null");
        assertThatThrownBy(() -> sql.insert("a..b", pets(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema-qualified");
        assertThat(sql.isConnected()).isFalse();
    }
}
