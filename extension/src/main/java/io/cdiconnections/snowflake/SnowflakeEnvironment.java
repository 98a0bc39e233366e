package io.cdiconnections.snowflake;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * Where the Snowflake types look outside secrets.toml: the variables {@code SNOWFLAKE_HOME} and
 * {@code SNOWFLAKE_DEFAULT_CONNECTION_NAME}, and the user's home folder (for
 * {@code ~/.snowflake/connections.toml} and {@code ~/.snowsql/config}). Tests give their own, so
 * that nothing depends on the real environment.
 */
interface SnowflakeEnvironment {

    /**
     * @param name a variable name, such as {@code SNOWFLAKE_HOME}
     * @return its value, if set and not blank
     */
    Optional<String> variable(String name);

    /** @return the user's home folder */
    Path home();

    /**
     * The real environment: a variable from MicroProfile Config first (so a root-level key of
     * secrets.toml, as in Streamlit, or a system property works), then the process environment;
     * the home folder from {@code user.home}.
     *
     * @param config the application's configuration
     * @return the environment
     */
    static SnowflakeEnvironment of(Config config) {
        return new SnowflakeEnvironment() {
            @Override
            public Optional<String> variable(String name) {
                Optional<String> v = Optional.empty();
                try {
                    v = config.getOptionalValue(name, String.class);
                } catch (RuntimeException e) {
                    // a value that does not convert is as good as none here
                }
                return v.or(() -> Optional.ofNullable(System.getenv(name))).filter(s -> !s.isBlank());
            }

            @Override
            public Path home() {
                return Path.of(System.getProperty("user.home", "."));
            }
        };
    }

    /**
     * @param variables the variables
     * @param home      the home folder
     * @return a fixed environment, for tests
     */
    static SnowflakeEnvironment fixed(Map<String, String> variables, Path home) {
        return new SnowflakeEnvironment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(variables.get(name)).filter(s -> !s.isBlank());
            }

            @Override
            public Path home() {
                return home;
            }
        };
    }
}
