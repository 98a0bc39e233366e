package io.cdiconnections.internal.health;

import io.cdiconnections.internal.SecretsReader;

/**
 * The texts of the readiness check. Each names the connection and the key or injection point and says
 * what to write; none contains a secret value.
 */
final class HealthMessages {

    private HealthMessages() {
    }


    /**
     * @param connection the connection name
     * @return where a request for a connection of secrets.toml alone comes from (health checks,
     *         the secrets checker), such as {@code [connections.sql] in secrets.toml}
     */
    static String inSecretsToml(String connection) {
        return SecretsReader.section(connection) + " in secrets.toml";
    }


    /**
     * @param key the health check's timeout key
     * @return the message for a health check timeout that is not a duration
     */
    static String badHealthTimeout(String key) {
        return "The value of " + key + " is not a duration: write an ISO-8601 duration such as PT2S, "
                + "or a number of seconds such as 2.";
    }

    /**
     * @param timeout the time the check had
     * @param key     the key that sets it
     * @return the health check's message for a connection check that did not end in time
     */
    static String checkTimedOut(java.time.Duration timeout, String key) {
        return "The check did not end within " + timeout + " (" + key + ")";
    }

    /** @return the health check's message for a connection check that was interrupted */
    static String checkInterrupted() {
        return "The check was interrupted";
    }
}
