package io.cdiconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.test.CountingConnection;

/** The texts of ConnectionMessages not already asserted by the tests of their feature. */
class ConnectionMessagesTest {

    private final CountingConnection handle = new CountingConnection(ConnectionContext.of("sql", Map.of()));

    @Test
    void missingKey() {
        assertThat(ConnectionMessages.missingKey("my-db", "password")).isEqualTo("Connection 'my-db' is missing the key "
                + "'password'. Set it in the [connections.my-db] section of secrets.toml (password = \"...\"), as "
                + "the environment variable CONNECTIONS_MY_DB_PASSWORD, or as an option in code "
                + "(@Connection(options = \"password=...\")).");
    }

    @Test
    void notAnInteger() {
        assertThat(ConnectionMessages.notAnInteger("sql", "port")).isEqualTo("Connection 'sql': the key 'port' must be a "
                + "whole number, such as port = 5 in the [connections.sql] section of secrets.toml.");
    }

    @Test
    void notABoolean() {
        assertThat(ConnectionMessages.notABoolean("sql", "autocommit")).isEqualTo("Connection 'sql': the key 'autocommit' "
                + "must be true or false, such as autocommit = true in the [connections.sql] section of secrets.toml.");
    }

    @Test
    void notADuration() {
        assertThat(ConnectionMessages.notADuration("sql", "query_ttl")).isEqualTo("Connection 'sql': the key 'query_ttl' must "
                + "be a duration that is not negative: whole seconds (query_ttl = 600) or ISO-8601 "
                + "(query_ttl = \"PT10M\").");
    }

    @Test
    void connectionClosed() {
        assertThat(ConnectionMessages.connectionClosed(handle)).isEqualTo("Connection 'sql' (CountingConnection) was closed, "
                + "most likely because the application is shutting down. Obtain a new one with "
                + "Connections.get(\"sql\") or by injection.");
    }

    @Test
    void connectFailed() {
        assertThat(ConnectionMessages.connectFailed(handle, "refused", new IOException("refused"))).isEqualTo("Connection "
                + "'sql' (CountingConnection) could not connect: IOException: refused. Check the [connections.sql] "
                + "section of secrets.toml and its environment overrides; the next use tries again.");
    }

    @Test
    void connectReturnedNull() {
        assertThat(ConnectionMessages.connectReturnedNull(handle)).isEqualTo("io.cdiconnections.test.CountingConnection"
                + ".connect(...) returned null for connection 'sql'. A connection type must return its raw instance "
                + "or throw.");
    }

    @Test
    void closeFailed() {
        assertThat(ConnectionMessages.closeFailed(handle, new IOException("x"))).isEqualTo("Closing a retired raw instance of "
                + "connection 'sql' (CountingConnection) failed: java.io.IOException. It was dropped all the same.");
    }
}
