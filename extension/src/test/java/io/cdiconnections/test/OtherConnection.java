package io.cdiconnections.test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/** A second connection type, to make types disagree. */
public class OtherConnection extends BaseConnection<Object> {

    public OtherConnection(ConnectionContext context) {
        super(context);
    }

    protected OtherConnection() {
    }

    @Override
    protected Object connect(ConnectionParameters params) {
        return new Object();
    }
}
