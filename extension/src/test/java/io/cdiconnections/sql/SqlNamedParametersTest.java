package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a colon starts a parameter, SQLAlchemy text() style, and where it does not. */
class SqlNamedParametersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("select :a, :b_2", "select ?, ?", "a,b_2"),
                arguments("select ':a', \":b\", `:c` from t where x = :x", "select ':a', \":b\", `:c` from t where x = ?", "x"),
                arguments("select 'it''s :a' || :b", "select 'it''s :a' || ?", "b"),
                arguments("select x::int, :y::text", "select x::int, ?::text", "y"),
                arguments("select a[1:2], '10:30', now() - time '10:30'", "select a[1:2], '10:30', now() - time '10:30'", ""),
                arguments("select $$ :a $$, $tag$ :b $tag$, $1, :c", "select $$ :a $$, $tag$ :b $tag$, $1, ?", "c"),
                arguments("select \\:literal, :real", "select :literal, ?", "real"),
                arguments("select 1 -- :comment\n, :after", "select 1 -- :comment\n, ?", "after"),
                arguments("select /* :a\n:b */ :c", "select /* :a\n:b */ ?", "c"),
                arguments("set @x := 1", "set @x := 1", ""),
                arguments("select :größe", "select ?", "größe"),
                arguments("select a$b$c, :d", "select a$b$c, ?", "d"),
                arguments("select ':unterminated", "select ':unterminated", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void colonsBecomePlaceholdersOnlyOutsideQuotesCommentsAndCasts(String sql, String jdbc, String names) {
        assertParsed(NamedSql.Syntax.STANDARD, sql, jdbc, names);
    }

    /** Parses {@code sql} as {@code syntax} reads it: exactly {@code names} (comma-separated), bound as {@code jdbc}. */
    static void assertParsed(NamedSql.Syntax syntax, String sql, String jdbc, String names) {
        NamedSql parsed = NamedSql.parse(sql, syntax);
        Set<String> expected = names.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(names.split(",")));
        Map<String, Object> params = new HashMap<>();
        expected.forEach(n -> params.put(n, 1));

        assertThat(parsed.names()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(parsed.bind("db", params).sql()).isEqualTo(jdbc);
    }

    @Test
    void aNameUsedTwiceBindsItsValueTwiceInOrder() {
        NamedSql.Bound b = NamedSql.parse("select * from t where a = :x or b = :y or c = :x").bind("db", Map.of("x", 1, "y", 2));

        assertThat(b.sql()).isEqualTo("select * from t where a = ? or b = ? or c = ?");
        assertThat(b.values()).containsExactly(1, 2, 1);
    }

    @Test
    void aNullValueIsBoundAsNull() {
        Map<String, Object> params = new HashMap<>();
        params.put("x", null);

        assertThat(NamedSql.parse("select :x").bind("db", params).values()).containsExactly((Object) null);
    }

    @Test
    void aCollectionExpandsInPlaceAndOtherValuesKeepTheirOrder() {
        NamedSql.Bound b = NamedSql.parse("select * from t where a = :a and id in :ids and b = :b")
                .bind("db", Map.of("a", "A", "ids", List.of(1, 2, 3), "b", "B"));

        assertThat(b.sql()).isEqualTo("select * from t where a = ? and id in (?, ?, ?) and b = ?");
        assertThat(b.values()).containsExactly("A", 1, 2, 3, "B");
    }
}
