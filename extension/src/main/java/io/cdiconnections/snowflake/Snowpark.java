package io.cdiconnections.snowflake;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

import io.cdiconnections.ConnectionConfigException;

/**
 * Snowpark's Java API ({@code com.snowflake:snowpark}, class
 * {@code com.snowflake.snowpark_java.Session}), reached by reflection only, so that this package
 * loads and works without Snowpark on the class path.
 */
final class Snowpark {

    static final String SESSION_CLASS = "com.snowflake.snowpark_java.Session";

    private Snowpark() {
    }

    /** @return Snowpark's Session class, from the context class loader or ours, if present */
    static Optional<Class<?>> sessionClass() {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                Snowpark.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Optional.of(Class.forName(SESSION_CLASS, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next
            }
        }
        return Optional.empty();
    }

    /**
     * @param connection the connection name, for messages
     * @param what       what needs Snowpark, for messages
     * @return Snowpark's Session class
     * @throws ConnectionConfigException naming the Maven coordinates when Snowpark is missing
     */
    static Class<?> require(String connection, String what) {
        return sessionClass().orElseThrow(() -> new ConnectionConfigException(SnowflakeMessages.snowparkMissing(connection, what)));
    }

    /**
     * {@code Session.builder().configs(configs).create()}: logs in.
     *
     * @param sessionClass Snowpark's Session class
     * @param configs      the configs
     * @return the session
     * @throws Exception what the builder threw
     */
    static Object create(Class<?> sessionClass, Map<String, String> configs) throws Exception {
        Object builder = builder(sessionClass, configs);
        return invoke(builder, "create");
    }

    /**
     * {@code Session.builder().configs(configs)}, without logging in.
     *
     * @param sessionClass Snowpark's Session class
     * @param configs      the configs
     * @return the builder
     * @throws Exception what Snowpark threw
     */
    static Object builder(Class<?> sessionClass, Map<String, String> configs) throws Exception {
        Object builder = invokeStatic(sessionClass, "builder");
        Method m = builder.getClass().getMethod("configs", Map.class);
        return call(m, builder, configs);
    }

    /**
     * @param session a Snowpark session
     * @return its JDBC connection ({@code Session.jdbcConnection()})
     * @throws Exception what Snowpark threw
     */
    static Connection jdbcConnection(Object session) throws Exception {
        return (Connection) invoke(session, "jdbcConnection");
    }

    /**
     * @param session a Snowpark session to close
     * @throws Exception what Snowpark threw
     */
    static void close(Object session) throws Exception {
        invoke(session, "close");
    }

    private static Object invokeStatic(Class<?> type, String method) throws Exception {
        return call(type.getMethod(method), null);
    }

    private static Object invoke(Object target, String method) throws Exception {
        return call(target.getClass().getMethod(method), target);
    }

    private static Object call(Method m, Object target, Object... args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
