package io.cdiconnections.it.app;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads connection keys through {@code @ConfigProperty}. The injection points make the server
 * resolve this application's Config while it deploys, so a broken secrets.toml fails the
 * deployment.
 */
@ApplicationScoped
public class ConfiguredBean {

    @Inject
    @ConfigProperty(name = "connections.sql.host", defaultValue = "<missing>")
    String sqlHost;

    @Inject
    @ConfigProperty(name = "connections.sql.port")
    Optional<Integer> sqlPort;

    @Inject
    @ConfigProperty(name = "connections.sql.username", defaultValue = "<missing>")
    String sqlUsername;

    @Inject
    @ConfigProperty(name = "it.greeting", defaultValue = "<missing>")
    String greeting;

    /** @return {@code connections.sql.host} */
    public String sqlHost() {
        return sqlHost;
    }

    /** @return {@code connections.sql.port}, converted */
    public Optional<Integer> sqlPort() {
        return sqlPort;
    }

    /** @return {@code connections.sql.username} */
    public String sqlUsername() {
        return sqlUsername;
    }

    /** @return {@code it.greeting}, from the WAR's microprofile-config.properties */
    public String greeting() {
        return greeting;
    }
}
