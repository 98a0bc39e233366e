package io.cdiconnections.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The fingerprint that keys a connection's entries in a shared cache: another configuration is
 * another fingerprint, but no secret value enters it, so the keys on a grid give an attacker
 * nothing to test guessed passwords against.
 */
class CacheFingerprintTest {

    private static final Map<String, String> BASE = Map.of("dialect", "postgresql", "host", "db1",
            "username", "app", "password", "s3cret", "database", "test");

    private static String fingerprint(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(BASE);
        values.putAll(changes);
        return CacheSettings.fingerprint("sql", values);
    }

    @Test
    void anyNonSecretKeyChangedIsAnotherFingerprint() {
        String base = fingerprint(Map.of());
        assertThat(fingerprint(Map.of("host", "db2"))).isNotEqualTo(base);
        assertThat(fingerprint(Map.of("username", "other"))).isNotEqualTo(base);
        assertThat(fingerprint(Map.of("query_ttl", "60"))).isNotEqualTo(base);
        assertThat(CacheSettings.fingerprint("other", BASE)).as("another connection name").isNotEqualTo(base);
        assertThat(fingerprint(Map.of())).as("stable").isEqualTo(base);
    }

    @Test
    void noSecretValueEntersTheFingerprint() {
        String base = fingerprint(Map.of());
        assertThat(fingerprint(Map.of("password", "another-password"))).isEqualTo(base);
        assertThat(fingerprint(Map.of("private_key_passphrase", "a"))).isEqualTo(fingerprint(Map.of("private_key_passphrase", "b")));
        assertThat(fingerprint(Map.of("url", "postgresql://app:first@db1:5432/test")))
                .as("a URL's password").isEqualTo(fingerprint(Map.of("url", "postgresql://app:second@db1:5432/test")))
                .isNotEqualTo(fingerprint(Map.of("url", "postgresql://app:first@db2:5432/test")));
        assertThat(fingerprint(Map.of("url", "jdbc:mysql://db1/test?user=app&password=one")))
                .isEqualTo(fingerprint(Map.of("url", "jdbc:mysql://db1/test?user=app&password=two")));
    }
}
