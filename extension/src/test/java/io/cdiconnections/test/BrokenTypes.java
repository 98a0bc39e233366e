package io.cdiconnections.test;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionParameters;

/** Classes that cannot be connection types, each for its own reason. */
public final class BrokenTypes {

    private BrokenTypes() {
    }

    /** Abstract. */
    public abstract static class AbstractConnection extends BaseConnection<Object> {
        protected AbstractConnection(ConnectionContext context) {
            super(context);
        }
    }

    /** No (ConnectionContext) constructor. */
    public static class NoContextConstructor extends BaseConnection<Object> {
        public NoContextConstructor() {
            super(ConnectionContext.of("x", java.util.Map.of()));
        }

        @Override
        protected Object connect(ConnectionParameters params) {
            return new Object();
        }
    }

    /** A constructor that throws. */
    public static class ThrowingConstructor extends BaseConnection<Object> {
        public ThrowingConstructor(ConnectionContext context) {
            super(context);
            throw new IllegalStateException("boom");
        }

        @Override
        protected Object connect(ConnectionParameters params) {
            return new Object();
        }
    }
}
