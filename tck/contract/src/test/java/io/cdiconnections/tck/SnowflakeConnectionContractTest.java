package io.cdiconnections.tck;

import java.sql.Connection;
import java.util.Map;

import io.cdiconnections.snowflake.SnowflakeConnection;

/**
 * SnowflakeConnection runs the part of the contract that needs no Snowflake account: type
 * resolution (by class, name, {@code type} key and the short name {@code snowflake}), injection
 * through a client proxy, no connect before the first use, and no secret in any text when the
 * real Snowflake JDBC driver fails to reach an account (here 127.0.0.1:1, where nothing listens).
 * The tests that need a working connect are skipped.
 */
class SnowflakeConnectionContractTest extends ConnectionContract<SnowflakeConnection, Connection> {

    @Override
    protected Class<SnowflakeConnection> connectionClass() {
        return SnowflakeConnection.class;
    }

    @Override
    protected Section workingSection() {
        return null; // no live account here
    }

    @Override
    protected Section wrongSection(String secret) {
        return Section.of(Map.of("account", "contract", "user", "tester", "password", secret,
                "host", "127.0.0.1", "port", 1, "protocol", "http",
                "login_timeout", 3, "network_timeout", 3, "maxHttpRetries", 1, "disablePlatformDetection", true));
    }
}
