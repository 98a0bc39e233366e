package io.cdiconnections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Secret values are masked where they stand as values, positionally: {@code $} and {@code \} are
 * plain characters, and a short password or one that is a common word does not garble the
 * words of a message that merely contain it.
 */
class RedactionTest {

    @Test
    void dollarSignsAndBackslashesInUserNamesAndPasswordsArePlainCharacters() {
        Map<String, String> url = Map.of("url", "postgresql://svc$1:ap$p@h/db");
        assertThat(Redaction.redact("could not connect to jdbc:postgresql://svc$1:ap$p@h/db", url))
                .isEqualTo("could not connect to jdbc:postgresql://svc$1:****@h/db");
        assertThat(Redaction.redact("login failed; password=ap$p; user=svc$1", Map.of("password", "ap$p")))
                .isEqualTo("login failed; password=****; user=svc$1");
        assertThat(Redaction.redact("mysql://dom\\u$0:a\\1b\\@h/db as 'dom\\u$0'", Map.of("url", "mysql://dom\\u$0:a\\1b\\@h/db")))
                .isEqualTo("mysql://dom\\u$0:****@h/db as 'dom\\u$0'");
        assertThat(Redaction.redact("password='\\$9' rejected", Map.of("password", "\\$9")))
                .isEqualTo("password='****' rejected");
    }

    @Test
    void aOneLetterPasswordIsMaskedOnlyWhereItStandsAsAValue() {
        Map<String, String> p = Map.of("password", "p");
        assertThat(Redaction.redact("net.snowflake.client.jdbc.SnowflakeSQLException: Incorrect username or password "
                + "was specified. {\"password\":\"p\",\"user\":\"app\"} password=p", p))
                .isEqualTo("net.snowflake.client.jdbc.SnowflakeSQLException: Incorrect username or password "
                        + "was specified. {\"password\":\"****\",\"user\":\"app\"} password=****");
        assertThat(Redaction.redact("p", p)).isEqualTo("****");
    }

    @Test
    void aTwoLetterPasswordIsMaskedOnlyWhereItStandsAsAValue() {
        assertThat(Redaction.redact("the pw option of upward; alter user x password 'pw'; secret: pw",
                Map.of("password", "pw")))
                .isEqualTo("the pw option of upward; alter user x password '****'; secret: ****");
    }

    @Test
    void aPasswordThatIsACommonWordOfTheMessageLeavesTheMessageReadable() {
        String message = "Connection 'sql' (SQLConnection) could not connect to postgresql at "
                + "jdbc:postgresql://127.0.0.1:5432/test as user 'app': FATAL: password authentication failed";
        for (String word : new String[] {"connect", "postgresql", "test", "user", "5432", "FATAL", "password"}) {
            assertThat(Redaction.redact(message, Map.of("password", word))).as(word).isEqualTo(message);
        }
        assertThat(Redaction.redact("ERROR: invalid input syntax for type integer: \"connect\"",
                Map.of("password", "connect"))).isEqualTo("ERROR: invalid input syntax for type integer: \"****\"");
    }

    @Test
    void aValueNoWordCouldBeIsMaskedWhereverItStandsAsAWord() {
        String secret = "Pw7f3a9c1e";
        assertThat(Redaction.redact("token " + secret + " expired, base64 x" + secret, Map.of("token", secret)))
                .isEqualTo("token **** expired, base64 x****");
    }

    @Test
    void anExceptionChainIsCopiedWithItsMessagesRedacted() {
        Throwable scrubbed = Redaction.scrub(new IllegalStateException("bad password=a$1",
                new RuntimeException("as 'a$1'")), Map.of("password", "a$1"));
        assertThat(scrubbed.getMessage()).isEqualTo("java.lang.IllegalStateException: bad password=****");
        assertThat(scrubbed.getCause().getMessage()).isEqualTo("java.lang.RuntimeException: as '****'");
    }
}
