package io.cdiconnections.it;

/**
 * The values each test server gets from outside the WAR; the same as the properties
 * {@code it.env.username} and {@code it.sysprop.password} of tck/pom.xml.
 */
public final class Overrides {

    /** {@code CONNECTIONS_SQL_USERNAME} in the environment of the server process. */
    public static final String ENV_USERNAME = "env-user";

    /** {@code -Dconnections.sql.password} on the server JVM's command line. */
    public static final String SYSPROP_PASSWORD = "sysprop-password";

    private Overrides() {
    }
}
