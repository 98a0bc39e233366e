package io.cdiconnections;

import java.time.Duration;
import java.util.SortedMap;

/**
 * Where {@link Connections} gets its handles: a service provider interface between the API and
 * the registry of cdi-connections. Applications never implement nor call it.
 *
 * <p>cdi-connections implements it twice: its registry, one per application, which an injected
 * {@code Connections} is bound to; and a service, registered in
 * {@code META-INF/services/io.cdiconnections.ConnectionSource}, that the static methods of
 * {@code Connections} find through {@link java.util.ServiceLoader} and that forwards each call
 * to the registry of the calling application (per class loader, so that one application never
 * gets another's connections), as {@code ConfigProvider} and {@code CDI.current()} find theirs.
 */
public interface ConnectionSource {

    /**
     * As {@link Connections#get(String, Class)}: the shared handle for a name, with no other argument.
     *
     * @param name the name as written (may be {@code env:VAR})
     * @param type the expected class, or null for any connection
     * @param <T>  the expected type
     * @return the handle
     * @throws ConnectionException when the type cannot be resolved or is not {@code type}
     */
    <T> T get(String name, Class<T> type);

    /**
     * As {@link Connections.Builder#get(Class)}: the handle of arguments that the builder checked.
     *
     * @param name       the name as written (may be {@code env:VAR})
     * @param type       a short name or class name, or empty
     * @param typeClass  the type given as a class, or null
     * @param ttl        the ttl given (zero means forever), or null for the default
     * @param maxEntries a positive bound or {@link Connection#UNBOUNDED}
     * @param options    the options given, sorted by key
     * @param expected   the class the caller expects, or null
     * @param where      how the user wrote the request, for messages
     * @return the handle, of a class assignable to {@code expected}
     * @throws ConnectionException when the type cannot be resolved or does not match
     */
    BaseConnection<?> get(String name, String type, Class<?> typeClass, Duration ttl, int maxEntries,
                          SortedMap<String, String> options, Class<?> expected, String where);
}
