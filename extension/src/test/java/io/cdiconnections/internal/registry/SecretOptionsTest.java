package io.cdiconnections.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.Connection;

/**
 * Options given in code become the CDI qualifier and bean id of their request, which Weld logs
 * and prints: a secret-looking option's value is a stand-in there, equal for equal values.
 */
class SecretOptionsTest {

    private static final String SECRET = "So-3c9f1a77b2";

    @Test
    void theCanonicalKeyHoldsNoSecretOptionValueAndStillTellsRequestsApart() {
        ConnectionRequest a = request(Map.of("password", SECRET, "database", "shop"));
        ConnectionRequest same = request(Map.of("password", SECRET, "database", "shop"));
        ConnectionRequest other = request(Map.of("password", SECRET + "x", "database", "shop"));
        ConnectionRequest url = request(Map.of("url", "postgresql://u:" + SECRET + "@h/db"));
        ConnectionRequest token = request(Map.of("query.access_token", SECRET));

        assertThat(a.canonical()).doesNotContain(SECRET).contains("database=shop");
        assertThat(url.canonical()).doesNotContain(SECRET);
        assertThat(token.canonical()).doesNotContain(SECRET);
        assertThat(a.canonical()).isEqualTo(same.canonical());
        assertThat(a).isEqualTo(same).isNotEqualTo(other);
        assertThat(a.toString() + url + token).doesNotContain(SECRET);
    }

    @Test
    void aConnectionLiteralPrintsNoSecretOptionValue() {
        Connection literal = Connection.Literal.of("sql", "", "", Connection.UNBOUNDED,
                "password=" + SECRET, "url=mysql://root:" + SECRET + "@h/db", "database=shop");

        assertThat(literal.toString()).doesNotContain(SECRET).contains("database=shop", "password=****");
        assertThat(ConnectionRequest.of(literal).canonical()).doesNotContain(SECRET);
    }

    private static ConnectionRequest request(Map<String, String> options) {
        return ConnectionRequest.of("sql", "", null, "", Connection.UNBOUNDED, options, "test");
    }
}
