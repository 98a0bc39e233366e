package io.cdiconnections.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pooled JDBC connection handed to a caller, which also holds the pool it came from: the pool
 * is not closed by a reset while the caller still has the connection, and is let go when the
 * caller closes (or aborts) it. Every other call goes to the pooled connection. A shared connection (one
 * session for every caller, as Snowflake's) is not closed with the caller's handle, only let go.
 */
final class LeasedConnection implements InvocationHandler {

    private final Connection target;
    private final Runnable release;
    private final boolean closesTarget;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LeasedConnection(Connection target, Runnable release, boolean closesTarget) {
        this.target = target;
        this.release = release;
        this.closesTarget = closesTarget;
    }

    /**
     * @param target  the pooled connection
     * @param release lets go of the pool; run once, when the connection is closed
     * @return the connection to hand out
     */
    static Connection wrap(Connection target, Runnable release) {
        return proxy(new LeasedConnection(target, release, true));
    }

    /**
     * @param target  a connection other callers use too
     * @param release lets go of the caller's hold; run once, when the handed-out connection is closed
     * @return the connection to hand out; closing it leaves {@code target} open, and later calls fail
     */
    static Connection share(Connection target, Runnable release) {
        return proxy(new LeasedConnection(target, release, false));
    }

    private static Connection proxy(LeasedConnection handler) {
        return (Connection) Proxy.newProxyInstance(LeasedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                if (closed.compareAndSet(false, true)) {
                    try {
                        if (closesTarget) {
                            target.close();
                        }
                    } finally {
                        release.run();
                    }
                }
                return null;
            case "abort":
                if (closed.compareAndSet(false, true)) {
                    try {
                        target.abort((java.util.concurrent.Executor) args[0]);
                    } finally {
                        release.run();
                    }
                }
                return null;
            case "isClosed":
                return closed.get() || target.isClosed();
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "LeasedConnection[" + target + (closed.get() ? ", closed" : "") + "]";
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
                break;
            case "isWrapperFor":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return true;
                }
                break;
            default:
                break;
        }
        if (!closesTarget && closed.get() && !method.getName().equals("isValid")) {
            throw new java.sql.SQLException("This connection was closed by its user; ask the handle for a new one.",
                    "08003");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
