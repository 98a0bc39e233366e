package io.cdiconnections.test;

import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/** A connection type that requires the key {@code url}, as SQLConnection does without dialect and host. */
public class StrictConnection extends CountingConnection {

    public StrictConnection(ConnectionContext context) {
        super(context);
    }

    protected StrictConnection() {
    }

    @Override
    protected void validate(ConnectionParameters params) {
        params.require("url");
    }
}
