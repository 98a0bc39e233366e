package io.cdiconnections.test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.sql.SQLConnection;

/** A subclass of SQLConnection, to prove that it agrees with a {@code SQLConnection} Java type. */
public class AuditedSqlConnection extends SQLConnection {

    public AuditedSqlConnection(ConnectionContext context) {
        super(context);
    }

    protected AuditedSqlConnection() {
    }

    /** @return a method SQLConnection does not have, to tell the subclass apart */
    public String audit() {
        return "audited " + name();
    }
}
