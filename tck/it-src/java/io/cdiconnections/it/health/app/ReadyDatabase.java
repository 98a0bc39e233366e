package io.cdiconnections.it.health.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;

/**
 * Declares connection {@code ready} (MariaDB, in health.toml) and never uses it: the readiness
 * check alone decides whether it connects.
 */
@ApplicationScoped
public class ReadyDatabase {

    @Inject
    @Connection(name = "ready")
    SQLConnection ready;
}
