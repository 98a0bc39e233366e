package io.cdiconnections.internal.registry;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.internal.Redaction;
import io.cdiconnections.internal.RequestArguments;

/**
 * What a user asked for, parsed once: the arguments of one {@link Connection @Connection} or one
 * {@code Connections} call, checked for form (a ttl that parses, a bound that is positive,
 * options of the form {@code key=value}) but not yet resolved (no {@code env:} lookup, no type
 * resolution, no default ttl), with how the user wrote it, for messages. Immutable; equal
 * requests have equal {@link #canonical()} keys.
 *
 * <p>Internal: used by the registry, the CDI extension and the secrets checker.
 */
public final class ConnectionRequest {

    private final String name;
    private final String type;
    private final Class<?> typeClass;
    private final Duration ttl;
    private final int maxEntries;
    private final SortedMap<String, String> options;
    private final String where;
    private final String canonical;

    private ConnectionRequest(String name, String type, Class<?> typeClass, Duration ttl, int maxEntries,
                              Map<String, String> options, String where) {
        this.name = name;
        this.type = type == null ? "" : type.trim();
        this.typeClass = typeClass;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        this.where = where;
        this.canonical = canonicalOf();
    }

    /**
     * Checks and parses one request whose ttl is written as text.
     *
     * @param name       the name as written (may be {@code env:VAR})
     * @param type       a short name or class name, or empty
     * @param typeClass  a type given as a class, or null
     * @param ttl        the ttl as written, or empty for the default
     * @param maxEntries a positive bound or {@link Connection#UNBOUNDED}
     * @param options    the options given in code
     * @param where      how the user wrote the request, for messages
     * @return the request
     * @throws ConnectionConfigException naming the bad argument and how to write it
     */
    public static ConnectionRequest of(String name, String type, Class<?> typeClass, String ttl, int maxEntries,
                                       Map<String, String> options, String where) {
        String trimmed = RequestArguments.name(name, where, ConnectionConfigException::new);
        Duration parsed = RequestArguments.ttl(name, ttl == null ? "" : ttl.trim(), where, ConnectionConfigException::new);
        RequestArguments.maxEntries(name, maxEntries, where, ConnectionConfigException::new);
        options.forEach((k, v) -> RequestArguments.option(name, k, v, where, ConnectionConfigException::new));
        return new ConnectionRequest(trimmed, type, typeClass, parsed, maxEntries, options, where);
    }

    /**
     * A request of a name alone ({@code Connections.get(name, type)}, a section health checks).
     *
     * @param name  the name as written (may be {@code env:VAR})
     * @param where how the user wrote the request, for messages
     * @return the request
     * @throws ConnectionConfigException when the name is empty
     */
    public static ConnectionRequest named(String name, String where) {
        return new ConnectionRequest(RequestArguments.name(name, where, ConnectionConfigException::new), "", null,
                null, Connection.UNBOUNDED, Map.of(), where);
    }

    /**
     * A request whose arguments were each checked as they were given ({@code Connections.Builder},
     * with {@link RequestArguments}): only the name is trimmed.
     *
     * @param name       the name as written (may be {@code env:VAR})
     * @param type       a short name or class name, or empty
     * @param typeClass  a type given as a class, or null
     * @param ttl        the ttl (zero means forever), or null for the default
     * @param maxEntries a positive bound or {@link Connection#UNBOUNDED}
     * @param options    the options given in code
     * @param where      how the user wrote the request, for messages
     * @return the request
     */
    static ConnectionRequest checked(String name, String type, Class<?> typeClass, Duration ttl, int maxEntries,
                                     Map<String, String> options, String where) {
        return new ConnectionRequest(name.trim(), type, typeClass, ttl, maxEntries, options, where);
    }

    /**
     * @param annotation the qualifier as written on an injection point
     * @return the request it makes
     * @throws ConnectionConfigException when an argument is malformed
     */
    public static ConnectionRequest of(Connection annotation) {
        String where = describe(annotation);
        Map<String, String> options = new TreeMap<>();
        for (String option : annotation.options()) {
            Map.Entry<String, String> kv = RequestArguments.split(annotation.name(), option, where,
                    ConnectionConfigException::new);
            options.put(kv.getKey(), kv.getValue());
        }
        return of(annotation.name(), annotation.type(), null, annotation.ttl(), annotation.maxEntries(),
                options, where);
    }

    /**
     * @param annotation a qualifier
     * @return how it reads in source, for messages; option values are left out (they may be secret)
     */
    public static String describe(Connection annotation) {
        StringBuilder sb = new StringBuilder("@Connection(name = \"").append(annotation.name()).append('"');
        if (!annotation.type().isEmpty()) {
            sb.append(", type = \"").append(annotation.type()).append('"');
        }
        if (!annotation.ttl().isEmpty()) {
            sb.append(", ttl = \"").append(annotation.ttl()).append('"');
        }
        if (annotation.maxEntries() != Connection.UNBOUNDED) {
            sb.append(", maxEntries = ").append(annotation.maxEntries());
        }
        if (annotation.options().length > 0) {
            sb.append(", options = {...}");
        }
        return sb.append(')').toString();
    }

    /** @return the name as written, possibly {@code env:VAR} */
    public String name() {
        return name;
    }

    /** @return the type as written, or empty */
    public String type() {
        return type;
    }

    /** @return the type given as a class, or null */
    public Class<?> typeClass() {
        return typeClass;
    }

    /** @return the ttl given (zero means forever), or null when none was: the default applies */
    public Duration ttl() {
        return ttl;
    }

    /** @return the bound, or {@link Connection#UNBOUNDED} */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return the options given in code, sorted by key */
    public SortedMap<String, String> options() {
        return options;
    }

    /** @return how the user wrote the request, for messages */
    public String where() {
        return where;
    }

    /**
     * One string that identifies this request: name, type, ttl, maxEntries and the sorted
     * options, each escaped. The CDI extension uses it as the value of its binding qualifier and
     * in the bean's id, which Weld logs and prints: the value of a secret-looking option (or of one
     * holding a URL with a password) is a stand-in, equal for equal values, never the value.
     *
     * @return the canonical key
     */
    public String canonical() {
        return canonical;
    }

    private String canonicalOf() {
        StringBuilder sb = new StringBuilder();
        sb.append("name=").append(escape(name));
        sb.append("|type=").append(escape(typeClass != null ? typeClass.getName() : type));
        sb.append("|ttl=").append(ttl == null ? "" : escape(ttl.toString()));
        sb.append("|maxEntries=").append(maxEntries);
        sb.append("|options=");
        boolean first = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            sb.append(first ? "" : ",").append(escape(e.getKey())).append('=')
                    .append(escape(Redaction.identifying(e.getKey(), e.getValue())));
            first = false;
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '|' || c == ',' || c == '=') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionRequest other && canonical.equals(other.canonical)
                && typeClass == other.typeClass;
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** @return the request without option values (they may be secret) */
    @Override
    public String toString() {
        return "ConnectionRequest[name=" + name + ", type=" + (typeClass != null ? typeClass.getName() : type)
                + ", ttl=" + (ttl == null ? "" : ttl) + ", maxEntries=" + maxEntries + ", options=" + options.keySet() + "]";
    }
}
