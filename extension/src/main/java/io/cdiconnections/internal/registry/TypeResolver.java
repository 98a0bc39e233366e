package io.cdiconnections.internal.registry;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionContext;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.ConnectionLifecycle;
import io.cdiconnections.ConnectionTypeException;
import io.cdiconnections.internal.RequestArguments;
import io.cdiconnections.internal.SecretsReader;

/**
 * Finds the connection class of a request, first match wins: the Java type asked for when it is
 * a concrete {@link BaseConnection} subclass; the {@code type} given in code (a short name or a
 * class name); the {@code type} key of {@code [connections.<name>]}; the name itself when it is
 * a short name. Streamlit's class paths ({@code streamlit.connections.SQLConnection}) name our
 * built-in types. The first three must agree: where one names a subclass of another's class, the
 * subclass wins (a {@code SQLConnection} injection point with {@code type = "com.example.MySql"}).
 * Also resolves {@code env:} names and checks that a
 * class can be a connection type.
 *
 * <p>Internal: used by the registry and the CDI extension.
 */
public final class TypeResolver {

    /** The built-in types by short name, referenced by name so that an absent one is not loaded. */
    public static final Map<String, String> SHORT_NAMES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sql", "io.cdiconnections.sql.SQLConnection");
        m.put("snowflake", "io.cdiconnections.snowflake.SnowflakeConnection");
        m.put("snowpark", "io.cdiconnections.snowflake.SnowparkConnection");
        SHORT_NAMES = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Streamlit's classes, by the paths Streamlit imports them from, to the short name of ours:
     * {@code type = "streamlit.connections.SQLConnection"} in a secrets.toml shared with a
     * Streamlit app means {@code "sql"} here.
     */
    public static final Map<String, String> STREAMLIT_CLASSES = Map.of(
            "streamlit.connections.SQLConnection", "sql",
            "streamlit.connections.sql_connection.SQLConnection", "sql",
            "streamlit.connections.SnowflakeConnection", "snowflake",
            "streamlit.connections.snowflake_connection.SnowflakeConnection", "snowflake",
            "streamlit.connections.SnowparkConnection", "snowpark",
            "streamlit.connections.snowpark_connection.SnowparkConnection", "snowpark");

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                Constructor<?> c = type.getConstructor(ConnectionContext.class);
                return Modifier.isPublic(c.getDeclaringClass().getModifiers()) ? c : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private final Config config;
    private final ClassLoader loader;
    private final Map<String, String> shortNames;

    /**
     * @param config where {@code env:} names and {@code type} keys are read
     * @param loader the application's class loader, for class names
     */
    public TypeResolver(Config config, ClassLoader loader) {
        this(config, loader, SHORT_NAMES);
    }

    /** For tests: other classes behind the short names (a build without the Snowflake types). */
    TypeResolver(Config config, ClassLoader loader, Map<String, String> shortNames) {
        this.config = config;
        this.loader = loader;
        this.shortNames = shortNames;
    }

    /**
     * Resolves an {@code env:VAR} name: the config property {@code VAR}, then the environment
     * variable. Other names are returned as they are.
     *
     * @param name  the name as written
     * @param where how the user wrote it, for messages
     * @return the connection name
     * @throws ConnectionConfigException when the variable is not set
     */
    public String resolveName(String name, String where) {
        if (!name.startsWith(RequestArguments.ENV_PREFIX)) {
            return name;
        }
        String var = name.substring(RequestArguments.ENV_PREFIX.length()).trim();
        String value = config.getOptionalValue(var, String.class).orElseGet(() -> System.getenv(var));
        if (value == null || value.isBlank()) {
            throw new ConnectionConfigException(RegistryMessages.envNameMissing(name, var, where));
        }
        return value.trim();
    }

    /**
     * Resolves the connection class.
     *
     * @param name      the resolved connection name
     * @param request   the request (type as string or class, and how the user wrote it)
     * @param javaType  the Java type asked for (injection point type, {@code get(name, type)}), or null
     * @return a concrete connection class with a public {@code (ConnectionContext)} constructor,
     *         assignable to {@code javaType}
     * @throws ConnectionTypeException when no type is found, one is invalid, or they disagree
     */
    public Class<? extends BaseConnection<?>> resolve(String name, ConnectionRequest request, Class<?> javaType) {
        String where = request.where();
        if (javaType != null && !BaseConnection.class.isAssignableFrom(javaType)) {
            throw new ConnectionTypeException(RegistryMessages.notAConnectionJavaType(name, javaType, where));
        }
        Class<?> fromJava = isConcreteConnection(javaType) ? javaType : null;
        Class<?> fromCode = request.typeClass() != null ? request.typeClass()
                : request.type().isEmpty() ? null : load(name, request.type(), RegistryMessages.typeInCode(null, request.type(), where));
        Optional<String> secretsType = secretsType(name);
        String secretsSource = RegistryMessages.typeInSecrets(name, secretsType.orElse(""));
        Class<?> fromSecrets = secretsType.map(t -> load(name, t, secretsSource)).orElse(null);
        String javaSource = RegistryMessages.javaTypeSource(fromJava);
        String codeSource = RegistryMessages.typeInCode(request.typeClass(), request.type(), where);
        Class<?> chosen = agree(name, fromJava, javaSource, fromCode, codeSource, where);
        String chosenSource = chosen == fromJava ? javaSource : codeSource;
        chosen = agree(name, chosen, chosenSource, fromSecrets, secretsSource, where);
        if (chosen == null && shortNames.containsKey(name)) {
            chosen = load(name, name, RegistryMessages.nameAsType(name));
        }
        if (chosen == null) {
            throw new ConnectionTypeException(RegistryMessages.noType(name, where)
                    + SecretsReader.whereSectionWasLookedFor(config, name));
        }
        Class<? extends BaseConnection<?>> type = check(name, chosen, where);
        if (javaType != null && !javaType.isAssignableFrom(type)) {
            throw new ConnectionTypeException(RegistryMessages.javaTypeMismatch(name, javaType, type, where));
        }
        return type;
    }

    /**
     * Makes a handle that only answers questions about its type ({@code scope()}, required keys):
     * it never connects and belongs to no registry.
     *
     * @param type    a checked connection class
     * @param context the context to give it
     * @return a new handle
     */
    public static BaseConnection<?> instantiate(Class<? extends BaseConnection<?>> type, ConnectionContext context) {
        try {
            return (BaseConnection<?>) CONSTRUCTORS.get(type).newInstance(context);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectionException ce) {
                throw ce;
            }
            throw new ConnectionTypeException(RegistryMessages.constructorFailed(context.name(), type, cause), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConnectionTypeException(RegistryMessages.constructorFailed(context.name(), type, e), e);
        }
    }

    /**
     * @param type    a checked connection class
     * @param name    the connection name
     * @param config  the configuration
     * @return a handle to ask about the type, outside any registry
     */
    static BaseConnection<?> detachedHandle(Class<? extends BaseConnection<?>> type, String name, Config config) {
        return instantiate(type, new ConnectionContext(name, Map.of(), null,
                io.cdiconnections.Connection.UNBOUNDED, config, ConnectionLifecycle.NONE));
    }

    /**
     * @param type any type, or null
     * @return whether it is a concrete (not abstract, not an interface) {@link BaseConnection} subclass
     */
    public static boolean isConcreteConnection(Class<?> type) {
        return type != null && BaseConnection.class.isAssignableFrom(type) && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }

    private Optional<String> secretsType(String name) {
        return config.getOptionalValue(SecretsReader.prefix(name) + "type", String.class)
                .map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Two sources agree when one's class is the other's or a subclass of it; the more specific one wins. */
    private static Class<?> agree(String name, Class<?> first, String firstSource, Class<?> second,
                                  String secondSource, String where) {
        if (first == null) {
            return second;
        }
        if (second == null || second.isAssignableFrom(first)) {
            return first;
        }
        if (first.isAssignableFrom(second)) {
            return second;
        }
        throw new ConnectionTypeException(RegistryMessages.typesDisagree(name, firstSource, first, secondSource, second, where));
    }

    private Class<?> load(String name, String type, String source) {
        String shortName = type.indexOf('.') < 0 ? type : STREAMLIT_CLASSES.get(type);
        String className = type;
        if (shortName != null) {
            className = shortNames.get(shortName);
            if (className == null) {
                throw new ConnectionTypeException(RegistryMessages.unknownShortName(name, type, source));
            }
        }
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            try {
                return Class.forName(className, false, TypeResolver.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e2) {
                throw new ConnectionTypeException(shortName != null
                        ? RegistryMessages.builtInTypeMissing(name, type, className, source)
                        : RegistryMessages.classNotFound(name, className, source), e);
            }
        }
    }

    /**
     * Checks that a class can be a connection type.
     *
     * @param name  the connection name
     * @param type  the class
     * @param where how the user wrote the request
     * @return the class, typed
     * @throws ConnectionTypeException naming what is wrong with it
     */
    @SuppressWarnings("unchecked")
    static Class<? extends BaseConnection<?>> check(String name, Class<?> type, String where) {
        if (!BaseConnection.class.isAssignableFrom(type)) {
            throw new ConnectionTypeException(RegistryMessages.notAConnectionClass(name, type, where));
        }
        if (!isConcreteConnection(type)) {
            throw new ConnectionTypeException(RegistryMessages.abstractConnectionClass(name, type, where));
        }
        if (CONSTRUCTORS.get(type) == null) {
            throw new ConnectionTypeException(RegistryMessages.noContextConstructor(name, type, where));
        }
        return (Class<? extends BaseConnection<?>>) type;
    }
}
