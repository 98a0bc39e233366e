package io.cdiconnections.it.connections.app;

import java.util.concurrent.atomic.AtomicInteger;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;
import io.cdiconnections.ConnectionScope;

/** A SESSION-scoped connection type: one handle per HTTP session. Connects to nothing. */
public class SessionNote extends BaseConnection<Object> {

    /** How many raw instances were closed, in this application. */
    static final AtomicInteger CLOSED = new AtomicInteger();

    /** For CDI client proxies only. */
    protected SessionNote() {
    }

    /** @param context the name, options and owner of this handle */
    public SessionNote(ConnectionContext context) {
        super(context);
    }

    @Override
    protected Object connect(ConnectionParameters params) {
        return new Object();
    }

    @Override
    protected void close(Object raw) {
        CLOSED.incrementAndGet();
    }

    @Override
    public ConnectionScope scope() {
        return ConnectionScope.SESSION;
    }
}
