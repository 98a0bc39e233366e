package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements {@code query()} may run again after a lost connection. */
class StatementKindTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1",
        "  SELECT * FROM pets WHERE owner = :owner",
        "(select 1) union (select 2)",
        "-- the pets\nselect * from pets",
        "/* a /* nested */ comment */ select 1",
        "# MySQL comment\nselect 1",
        "values (1), (2)",
        "table pets",
        "show tables",
        "describe pets",
        "explain select * from pets",
        "with recent as (select * from pets where id > 3) select * from recent",
        "select * from pets for update",
        "select * from pets for no key update",
    })
    void readsAreKnown(String sql) {
        assertThat(StatementKind.isRead(sql)).as(sql).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into pets values (1) returning id",
        "INSERT INTO pets VALUES (1)",
        "update pets set name = 'x' returning *",
        "delete from pets returning id",
        "merge into pets using other on true when matched then delete",
        "with ins as (insert into pets values (1) returning id) select * from ins",
        "with gone as (delete from pets returning *) select count(*) from gone",
        "select * into pets_copy from pets",
        "select 1; delete from pets",
        "select '--'; delete from pets",
        "explain analyze select * from pets",
        "explain (analyze, buffers) select 1",
        "call refresh_pets()",
        "replace into pets values (1)",
        "set search_path to other",
        "/* select */ insert into pets values (1)",
        "",
        "   ",
        "-- only a comment",
    })
    void everythingElseIsNotKnownToBeARead(String sql) {
        assertThat(StatementKind.isRead(sql)).as(sql).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from notes where body = 'please update me'",
        "select 1 -- then insert",
    })
    void aReadThatNamesAWriteWordIsNotRetriedToBeSafe(String sql) {
        assertThat(StatementKind.isRead(sql)).as(sql).isFalse();
    }
}
