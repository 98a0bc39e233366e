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

    @Test
    void aHugeTextOfOpeningsWithoutAnEndIsRedactedWithoutScanningToTheEndFromEachOpening() {
        // each pattern's secret part is bounded: these took seconds to minutes a call (quadratic) before
        Map<String, String> values = Map.of("password", "s3cret-value");
        // 200 KB each: unbounded, ";a={" took 15 s at 80 KB (measured) and grows with the square
        String[] texts = {";a={".repeat(50_000), "://a:".repeat(40_000) + "=", "jdbc:oracle:thin:a/".repeat(10_000) + "=",
            "jdbc:oracle:thin:a/\"".repeat(10_000) + "="};
        for (String text : texts) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                assertThat(Redaction.redact(text, values)).hasSizeLessThan(Redaction.LONGEST_MESSAGE + 100);
                assertThat(Redaction.url(text)).isNotNull();
            }, () -> "redacting " + text.substring(0, 20) + "...");
        }
    }

    @Test
    void aMessageLongerThanTheLimitIsCutAfterItsSecretsAreMaskedEvenOneAcrossTheCut() {
        String secret = "Tr0ub4dor&3-horse";
        Map<String, String> values = Map.of("password", secret);
        String head = "x".repeat(Redaction.LONGEST_MESSAGE - 40) + " password=" + secret + " ";
        String text = head + "'" + secret + "' " + "y".repeat(Redaction.LONGEST_MESSAGE);
        // a quoted copy that starts 4 characters before the cut and ends after it
        String across = "z".repeat(Redaction.LONGEST_MESSAGE - 5) + "'" + secret + "' tail" + "y".repeat(100);
        for (String t : new String[] {text, across}) {
            String redacted = Redaction.redact(t, values);
            assertThat(redacted).doesNotContain(secret).doesNotContain(secret.substring(0, 4))
                    .endsWith(" more characters left out]");
            assertThat(redacted.length()).isLessThan(Redaction.LONGEST_MESSAGE + 60);
        }
        assertThat(Redaction.redact(text, values)).contains("password=" + Redaction.MASK);
        assertThat(Redaction.redact(across, values)).contains("'" + Redaction.MASK)
                .endsWith(" [... " + (across.length() - Redaction.LONGEST_MESSAGE) + " more characters left out]");
    }

    @Test
    void passwordsOfAnyLengthAreMaskedInUrls() {
        String longPassword = "t0ken-" + "x".repeat(5_000); // an IAM or OAuth token as a password
        assertThat(Redaction.url("jdbc:sqlserver://h;user=u;password={p;w}}" + longPassword + "};encrypt=true"))
                .isEqualTo("jdbc:sqlserver://h;user=u;password=" + Redaction.MASK + ";encrypt=true");
        assertThat(Redaction.url("jdbc:postgresql://u:" + longPassword + "@h/db"))
                .isEqualTo("jdbc:postgresql://u:" + Redaction.MASK + "@h/db");
        assertThat(Redaction.url("jdbc:postgresql://h/db?password=" + longPassword + "#x;y&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?password=" + Redaction.MASK + "&ssl=true");
        assertThat(Redaction.secretValues(Map.of("url", "postgresql://u:" + longPassword + "@h/db")))
                .contains(longPassword);
    }

    @Test
    void aLongSecretAcrossTheCutIsMaskedAndALongMessageWithoutSecretsKeepsItsException() {
        String secret = "k3y-" + "z".repeat(3_000);
        String text = "y".repeat(Redaction.LONGEST_MESSAGE - 10) + " token=" + secret + " and more";
        String redacted = Redaction.redact(text, Map.of("token", secret));
        assertThat(redacted).doesNotContain("k3y").contains("token=" + Redaction.MASK).endsWith(" more characters left out]");
        java.sql.SQLException plain = new java.sql.SQLException("x".repeat(100_000), "22001", 7);
        assertThat(Redaction.scrub(plain, Map.of("password", "s3cret-value"))).isSameAs(plain);
    }

    @Test
    void snowflakesMfaPasscodeAndAJwtAreSecretKeysAndAHostOrAnAuthenticatorAreNot() {
        for (String key : new String[] {"passcode", "connections.sf.passcode", "jwt", "oauth_jwt", "connect_args.client-secret"}) {
            assertThat(Redaction.isSecretKey(key)).as(key).isTrue();
        }
        for (String key : new String[] {"host", "connections.sf.authenticator", "user", "warehouse"}) {
            assertThat(Redaction.isSecretKey(key)).as(key).isFalse();
        }
        assertThat(Redaction.url("jdbc:snowflake://a.snowflakecomputing.com/?user=u&passcode=123456"))
                .isEqualTo("jdbc:snowflake://a.snowflakecomputing.com/?user=u&passcode=" + Redaction.MASK);
    }
}
