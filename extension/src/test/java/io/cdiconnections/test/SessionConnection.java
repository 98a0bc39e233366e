package io.cdiconnections.test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionScope;

/** A connection type with one handle per HTTP session. */
public class SessionConnection extends CountingConnection {

    public SessionConnection(ConnectionContext context) {
        super(context);
    }

    protected SessionConnection() {
    }

    @Override
    public ConnectionScope scope() {
        return ConnectionScope.SESSION;
    }
}
