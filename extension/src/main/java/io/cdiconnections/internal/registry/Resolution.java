package io.cdiconnections.internal.registry;

import java.time.Duration;
import java.util.Map;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionScope;

/**
 * A request after resolution: the connection name ({@code env:} looked up), the class, the
 * options, the ttl (default applied) and the bound. Internal.
 *
 * @param where      how the user wrote the request, for messages
 * @param name       the connection name
 * @param type       the connection class
 * @param options    the options given in code, sorted
 * @param ttl        how long a raw instance lives, or null for forever
 * @param maxEntries the bound of the cache, or {@link Connection#UNBOUNDED}
 * @param scope      the class's scope
 */
public record Resolution(String where, String name, Class<? extends BaseConnection<?>> type,
                         Map<String, String> options, Duration ttl, int maxEntries, ConnectionScope scope) {

    /** @return the key of the cache this connection lives in: class, ttl, maxEntries */
    GroupKey groupKey() {
        return new GroupKey(type, ttl, maxEntries);
    }

    /** @return the key of the handle inside its cache: name and options */
    HandleKey handleKey() {
        return new HandleKey(name, options);
    }

    /** One cache per (class, ttl, maxEntries), as Streamlit has one per (class, ttl, max_entries). */
    record GroupKey(Class<?> type, Duration ttl, int maxEntries) {
        boolean bounded() {
            return maxEntries != Connection.UNBOUNDED;
        }
    }

    /** Inside a cache, a handle per (name, options). */
    record HandleKey(String name, Map<String, String> options) {
    }

    /** Same name, options and class: the requests that would share a handle but for ttl or maxEntries. */
    record SharingKey(Class<?> type, String name, Map<String, String> options) {
    }
}
