package io.cdiconnections.it.connections.broken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.sql.SQLConnection;

/** Two injection points that cannot be satisfied; the deployment must say so for both. */
@ApplicationScoped
public class BadInjections {

    /** A type nobody knows. */
    @Inject
    @Connection(name = "nowhere", type = "nosuchtype")
    BaseConnection<?> unknownType;

    /** A SQL connection with no secrets section and nothing else to go on. */
    @Inject
    @Connection(name = "absent")
    SQLConnection missingSection;
}
