package io.cdiconnections.sql;

import static io.cdiconnections.sql.SqlTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.Timestamp;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cdiconnections.sql.NamedSql.Syntax;

/**
 * Parameters are found as each database reads strings and comments (the review's cases: MariaDB's
 * backslash escape and {@code #} comments, PostgreSQL's {@code E'\''}, nested comments and
 * {@code arr[:2]}), an unknown case is an error rather than a silent wrong statement, and the
 * result cache tells parameter values of different types apart.
 */
class SqlNamedParametersDialectTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // MySQL and MariaDB
                arguments(Syntax.MYSQL, "select 'it\\'s :x', :y", "select 'it\\'s :x', ?", "y"),
                arguments(Syntax.MYSQL, "select \"a \\\" :x\", :y", "select \"a \\\" :x\", ?", "y"),
                arguments(Syntax.MYSQL, "select 1 # :x\n, :y", "select 1 # :x\n, ?", "y"),
                arguments(Syntax.MYSQL, "select 1 -- :x\n, :y", "select 1 -- :x\n, ?", "y"),
                arguments(Syntax.MYSQL, "select 5--:x", "select 5--?", "x"),
                arguments(Syntax.MYSQL, "select `a``:x`, :y", "select `a``:x`, ?", "y"),
                // PostgreSQL
                arguments(Syntax.POSTGRESQL, "select E'\\'', :x", "select E'\\'', ?", "x"),
                arguments(Syntax.POSTGRESQL, "select e'a\\' :x', :y", "select e'a\\' :x', ?", "y"),
                arguments(Syntax.POSTGRESQL, "select 'a\\', :x", "select 'a\\', ?", "x"),
                arguments(Syntax.POSTGRESQL, "select /* a /* :x */ :y */ :z", "select /* a /* :x */ :y */ ?", "z"),
                arguments(Syntax.POSTGRESQL, "select arr[:2], arr[1:2], arr[:n]", "select arr[:2], arr[1:2], arr[?]", "n"),
                arguments(Syntax.POSTGRESQL, "select 1 # :x", "select 1 # ?", "x"),
                // standard (H2 and the rest): a backslash escapes nothing, # is no comment
                arguments(Syntax.STANDARD, "select 'a\\', :x", "select 'a\\', ?", "x"),
                // Snowflake: backslash escapes and // comments
                arguments(Syntax.SNOWFLAKE, "select 'it\\'s :x', :y // :z\n", "select 'it\\'s :x', ? // :z\n", "y"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void parametersAreFoundAsTheDatabaseReadsStringsAndComments(Syntax syntax, String sql, String jdbc, String names) {
        SqlNamedParametersTest.assertParsed(syntax, sql, jdbc, names);
    }

    @Test
    void aValueForAParameterInsideAStringIsRefusedNotDropped() {
        // the review: on MariaDB 'it\'s :x' dropped the bound value silently
        assertThatThrownBy(() -> NamedSql.parse("select 'it\\'s :x'", Syntax.MYSQL).bind("db", Map.of("x", 1)))
                .isInstanceOf(QueryException.class).hasMessageContaining("'x'");
    }

    @Test
    void anUnterminatedStringWithParametersIsAnError() {
        assertThatThrownBy(() -> NamedSql.parse("select :a, 'unterminated", Syntax.POSTGRESQL).bind("db", Map.of("a", 1)))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("unterminated string starting at character 12")
                .hasMessageContaining("[a]");
        assertThatThrownBy(() -> NamedSql.parse("select :a /* a /* b */", Syntax.POSTGRESQL).bind("db", Map.of("a", 1)))
                .isInstanceOf(QueryException.class).hasMessageContaining("unterminated comment");
        // without parameters the text goes to the database as written: its own error, if any
        assertThat(NamedSql.parse("select 'x", Syntax.STANDARD).bind("db", Map.of()).sql()).isEqualTo("select 'x");
    }

    @Test
    void onMariaDbABackslashEscapedQuoteKeepsTheParameterAfterIt() {
        SQLConnection sql = SqlTestSupport.mariadb(uniqueName("mdbparams"));
        try {
            Table t = sql.query("select 'it\\'s :x' as s, :y as y", Map.of("y", 7));
            assertThat(t.row(0).get("s", String.class)).isEqualTo("it's :x");
            assertThat(t.row(0).get("y", Long.class)).isEqualTo(7L);
            Table hash = sql.query("select :a as a # :b\n", Map.of("a", 1));
            assertThat(hash.row(0).get("a", Long.class)).isEqualTo(1L);
        } finally {
            sql.close();
        }
    }

    @Test
    void onPostgresqlEStringsNestedCommentsAndSlicesKeepTheirParameters() {
        SQLConnection sql = SqlTestSupport.postgres(uniqueName("pgparams"));
        try {
            Table t = sql.query("select E'\\'' as q, /* a /* :x */ */ :y::int as y, "
                    + "array_length((array[1,2,3])[:2], 1) as slice, (array[7,8,9])[:n] as element", Map.of("y", 5, "n", 2));
            assertThat(t.row(0).get("q", String.class)).isEqualTo("'");
            assertThat(t.row(0).get("y", Integer.class)).isEqualTo(5);
            assertThat(t.row(0).get("slice", Integer.class)).as("arr[:2] is a slice, not a parameter").isEqualTo(2);
            assertThat(t.row(0).get("element", Integer.class)).as("arr[:n] binds n").isEqualTo(8);
        } finally {
            sql.close();
        }
    }

    @Test
    void theResultCacheKeysValuesByTypeAndValue() {
        Object pool = new Object();
        long millis = 1_700_000_000_000L;
        QueryCache.Key date = new QueryCache.Key(pool, "q", Map.of("t", new java.util.Date(millis)), 0);
        QueryCache.Key timestamp = new QueryCache.Key(pool, "q", Map.of("t", new Timestamp(millis)), 0);
        assertThat(new java.util.Date(millis)).as("equals() alone says they are equal").isEqualTo(new Timestamp(millis));
        assertThat(date).isNotEqualTo(timestamp);
        assertThat(timestamp).isNotEqualTo(date);
        assertThat(date).isEqualTo(new QueryCache.Key(pool, "q", Map.of("t", new java.util.Date(millis)), 0));
        QueryCache.Key ints = new QueryCache.Key(pool, "q", Map.of("ids", java.util.List.of(1, 2)), 0);
        QueryCache.Key longs = new QueryCache.Key(pool, "q", Map.of("ids", java.util.List.of(1L, 2L)), 0);
        assertThat(ints).isNotEqualTo(longs);
    }
}
