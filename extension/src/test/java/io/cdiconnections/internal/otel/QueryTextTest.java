package io.cdiconnections.internal.otel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a span shows of a statement: literals as {@code ?}, placeholders and names kept; the operation from a fixed set. */
class QueryTextTest {

    @Test
    void literalsBecomePlaceholdersAndNamedParametersStay() {
        assertThat(QueryText.sanitize("select * from t1 where a = :a and b = 'it''s' and c = 42 and d = -1.5e3"))
                .isEqualTo("select * from t1 where a = :a and b = ? and c = ? and d = -?");
        assertThat(QueryText.sanitize("alter user x password 'S3cret\\'x'")).isEqualTo("alter user x password ?");
        assertThat(QueryText.sanitize("select 'unterminated secret")).isEqualTo("select ?");
        assertThat(QueryText.sanitize("select $$body$$, col_2, \"Quoted 1\" from s.t")).isEqualTo(
                "select ?, col_2, \"Quoted 1\" from s.t");
    }

    @Test
    void theOperationIsTheFirstKeywordOfAFixedSet() {
        assertThat(QueryText.operation("  -- why\n /* how */ (select 1)")).isEqualTo("SELECT");
        assertThat(QueryText.operation("with x as (select 1) select * from x")).isEqualTo("WITH");
        assertThat(QueryText.operation("insert into t values (1)")).isEqualTo("INSERT");
        assertThat(QueryText.operation("frobnicate everything")).isNull();
        assertThat(QueryText.operation("")).isNull();
    }

    @Test
    void theFirstThousandStatementsAreRemembered() {
        QueryText q = new QueryText();
        assertThat(q.parse("select 1")).isSameAs(q.parse("select 1"));
        for (int i = 0; i < 2_000; i++) {
            q.parse("select " + i + " as n" + i);
        }
        assertThat(q.parse("select 1999 as n1999").text()).isEqualTo("select ? as n1999");
    }
}
