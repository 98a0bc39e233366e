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

    /** Fine for {@code Connections}, but no proxy constructor for injection. */
    public static class NoProxyConstructor extends BaseConnection<Object> {
        public NoProxyConstructor(ConnectionContext context) {
            super(context);
        }

        @Override
        protected Object connect(ConnectionParameters params) {
            return new Object();
        }
    }

    /** A final method a proxy cannot override. */
    public static class FinalMethod extends BaseConnection<Object> {
        public FinalMethod(ConnectionContext context) {
            super(context);
        }

        protected FinalMethod() {
        }

        @Override
        protected Object connect(ConnectionParameters params) {
            return new Object();
        }

        public final String greeting() {
            return "hello";
        }
    }

    /** A final class a proxy cannot extend. */
    public static final class FinalClass extends BaseConnection<Object> {
        public FinalClass(ConnectionContext context) {
            super(context);
        }

        FinalClass() {
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
