package io.cdiconnections.internal.cdi;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;
import io.cdiconnections.internal.registry.Resolution;

/**
 * What deployment checks of one {@code @Connection} injection point, apart from the container:
 * the request resolves (name, class, ttl, bound), its class can have a client proxy, and its
 * configuration validates. Free of CDI types, so that it runs without a container too.
 *
 * <p>Internal: used by {@link ConnectionExtension}, by the CDI Lite extension
 * ({@code io.cdiconnections.internal.lite}) and by the secrets checker (module
 * {@code checker}), which runs it on the injection points it finds in a WAR's class files, so
 * that both report the same problems in the same words.
 */
public final class DeploymentCheck {

    private DeploymentCheck() {
    }

    /**
     * What became of one request.
     *
     * @param resolution the resolution, or null when it did not resolve
     * @param problem    what deployment reports about it, with the fix, or null when all is well
     */
    public record Outcome(Resolution resolution, String problem) {
    }

    /**
     * Resolves a request as deployment does and checks its class and configuration.
     *
     * @param registry the registry that resolves it
     * @param request  the request of the injection point
     * @param declared the raw Java type of the injection point
     * @return the resolution, if any, and the problem, if any
     */
    public static Outcome check(ConnectionRegistry registry, ConnectionRequest request, Class<?> declared) {
        Resolution r;
        try {
            r = registry.resolver().resolve(request, declared);
        } catch (ConnectionException e) {
            return new Outcome(null, e.getMessage());
        }
        String problem = Proxies.problem(r);
        return new Outcome(r, problem != null ? problem : configurationProblem(registry, r));
    }

    /**
     * Parses the request an injection point's qualifier makes, then checks it as
     * {@link #check(ConnectionRegistry, ConnectionRequest, Class)} does: for a container that
     * cannot key its beans on the request first (CDI Lite checks each injection point at startup).
     *
     * @param registry   the registry that resolves it
     * @param annotation the {@code @Connection} of the injection point
     * @param declared   the raw Java type of the injection point
     * @return the resolution, if any, and the problem, if any
     */
    public static Outcome check(ConnectionRegistry registry, Connection annotation, Class<?> declared) {
        ConnectionRequest request;
        try {
            request = ConnectionRequest.of(annotation);
        } catch (ConnectionException e) {
            return new Outcome(null, e.getMessage());
        }
        return check(registry, request, declared);
    }

    /** Required keys, asked of a throwaway handle that never connects. */
    private static String configurationProblem(ConnectionRegistry registry, Resolution r) {
        try (BaseConnection<?> detached = registry.detachedHandle(r)) {
            detached.checkConfiguration();
            return null;
        } catch (ConnectionException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return CdiMessages.validationFailed(r.name(), r.type(), e);
        }
    }

    /**
     * @param raw the name of an injection point's raw type
     * @return whether it is a dynamic lookup ({@code Instance}, {@code Provider}), which
     *         deployment leaves to the lookup beans and does not check
     */
    public static boolean isDynamicLookup(String raw) {
        return raw.equals("jakarta.enterprise.inject.Instance") || raw.equals("jakarta.inject.Provider");
    }

    /**
     * @param owner the simple name of the declaring class
     * @param field the field
     * @return the field as messages name it: {@code OrderService.sql}
     */
    public static String field(String owner, String field) {
        return owner + "." + field;
    }

    /**
     * @param owner     the simple name of the declaring class
     * @param method    the method, or null for a constructor
     * @param position  the parameter's position, from 0
     * @param name      the parameter's name, or null when the class file does not have it
     * @return the parameter as messages name it: {@code OrderService(constructor) parameter 2 (sql)}
     *         or {@code OrderService.setSql() parameter 1 (sql)}
     */
    public static String parameter(String owner, String method, int position, String name) {
        String where = method == null ? owner + "(constructor)" : owner + "." + method + "()";
        return where + " parameter " + (position + 1) + (name == null ? "" : " (" + name + ")");
    }

    /**
     * @param site    the injection point, as {@link #field} or {@link #parameter} name it
     * @param problem the problem
     * @return the message deployment reports
     */
    public static String problem(String site, String problem) {
        return CdiMessages.injectionPointProblem(site, problem);
    }

    /**
     * @param problems the messages of {@link #problem}, one per bad injection point
     * @return one message for a container that takes a single failure (CDI Lite's startup)
     */
    public static String problems(java.util.List<String> problems) {
        return CdiMessages.injectionPointProblems(problems);
    }
}
