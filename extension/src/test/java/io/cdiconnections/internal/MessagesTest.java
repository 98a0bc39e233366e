package io.cdiconnections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.test.CountingConnection;

/** The texts of the messages not already asserted by the tests of their feature. */
class MessagesTest {

    private final CountingConnection handle = new CountingConnection(ConnectionContext.of("sql", Map.of()));

    @Test
    void missingKey() {
        assertThat(Messages.missingKey("my-db", "password")).isEqualTo("Connection 'my-db' is missing the key "
                + "'password'. Set it in the [connections.my-db] section of secrets.toml (password = \"...\"), as "
                + "the environment variable CONNECTIONS_MY_DB_PASSWORD, or as an option in code "
                + "(@Connection(options = \"password=...\")).");
    }

    @Test
    void notAnInteger() {
        assertThat(Messages.notAnInteger("sql", "port")).isEqualTo("Connection 'sql': the key 'port' must be a "
                + "whole number, such as port = 5 in the [connections.sql] section of secrets.toml.");
    }

    @Test
    void notABoolean() {
        assertThat(Messages.notABoolean("sql", "autocommit")).isEqualTo("Connection 'sql': the key 'autocommit' "
                + "must be true or false, such as autocommit = true in the [connections.sql] section of secrets.toml.");
    }

    @Test
    void notADuration() {
        assertThat(Messages.notADuration("sql", "query_ttl")).isEqualTo("Connection 'sql': the key 'query_ttl' must "
                + "be a duration that is not negative: whole seconds (query_ttl = 600) or ISO-8601 "
                + "(query_ttl = \"PT10M\").");
    }

    @Test
    void connectionClosed() {
        assertThat(Messages.connectionClosed(handle)).isEqualTo("Connection 'sql' (CountingConnection) was closed, "
                + "most likely because the application is shutting down. Obtain a new one with "
                + "Connections.get(\"sql\") or by injection.");
    }

    @Test
    void connectFailed() {
        assertThat(Messages.connectFailed(handle, "refused", new IOException("refused"))).isEqualTo("Connection "
                + "'sql' (CountingConnection) could not connect: IOException: refused. Check the [connections.sql] "
                + "section of secrets.toml and its environment overrides; the next use tries again.");
    }

    @Test
    void connectReturnedNull() {
        assertThat(Messages.connectReturnedNull(handle)).isEqualTo("io.cdiconnections.test.CountingConnection"
                + ".connect(...) returned null for connection 'sql'. A connection type must return its raw instance "
                + "or throw.");
    }

    @Test
    void closeFailed() {
        assertThat(Messages.closeFailed(handle, new IOException("x"))).isEqualTo("Closing a retired raw instance of "
                + "connection 'sql' (CountingConnection) failed: java.io.IOException. It was dropped all the same.");
    }

    @Test
    void malformedOptionOfAnAnnotationNeverShowsTheValue() {
        assertThat(Messages.malformedOption("sql", "=hunter2", "@Connection(name = \"sql\", options = {...})"))
                .isEqualTo("Connection 'sql': the option \"=...\" in @Connection(name = \"sql\", options = {...}) is "
                        + "not of the form key=value. Write options = {\"database=reports\"}, the key as in the "
                        + "[connections.sql] section of secrets.toml.");
    }

    @Test
    void injectionPointProblem() {
        assertThat(Messages.injectionPointProblem("OrderService.sql", "Connection 'sql' has no type."))
                .isEqualTo("Injection point OrderService.sql: Connection 'sql' has no type.");
    }

    @Test
    void validationFailed() {
        assertThat(Messages.validationFailed("sql", CountingConnection.class, new NullPointerException()))
                .isEqualTo("Connection 'sql': checking its configuration with CountingConnection.validate(...) failed "
                        + "with java.lang.NullPointerException. A validate method should throw "
                        + "ConnectionConfigException naming the missing key, as params.require(\"url\") does.");
    }

    @Test
    void twoPoolsWithBounds() {
        assertThat(Messages.twoPools("sql", CountingConnection.class, null, -1, Duration.ofMinutes(1), 3))
                .contains("(ttl forever, maxEntries unbounded and ttl PT1M, maxEntries 3)");
    }
}
