package io.cdiconnections.tck;

import java.sql.DriverManager;
import java.util.Set;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/**
 * The smallest real connection type: one JDBC connection from {@code url}, {@code user} and
 * {@code password}. What the contract's own tests run it against, and what the broken types
 * of {@link ContractCatchesBrokenTypesTest} spoil one way each.
 */
public class H2Connection extends BaseConnection<java.sql.Connection> {

    public H2Connection(ConnectionContext context) {
        super(context);
    }

    protected H2Connection() {
    }

    @Override
    protected java.sql.Connection connect(ConnectionParameters params) throws Exception {
        return DriverManager.getConnection(params.require("url"), params.get("user").orElse(""),
                params.get("password").orElse(""));
    }

    @Override
    protected void validate(ConnectionParameters params) {
        params.require("url");
    }

    @Override
    protected Set<String> knownKeys() {
        return Set.of("url", "user", "password");
    }
}
