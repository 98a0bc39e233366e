package io.cdiconnections.internal.lite;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventContext;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionScope;
import io.cdiconnections.internal.cdi.DeploymentCheck;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.Resolution;

/**
 * Checks every {@code @Connection} injection point found at build time when the application
 * starts, with the runtime configuration, as the portable extension checks them at deployment:
 * the same {@link DeploymentCheck}, every problem in one failure naming its injection point.
 * Startup rather than build, because secrets.toml and its env overrides belong to the running
 * environment: a build machine need not have them.
 */
public final class StartupCheck implements SyntheticObserver<Startup> {

    /** Parameter: the injection points' names ({@code String[]}). */
    static final String SITES = "sites";
    /** Parameter: their {@code @Connection} qualifiers ({@code Annotation[]}). */
    static final String CONNECTIONS = "connections";
    /** Parameter: their raw Java types ({@code Class[]}). */
    static final String DECLARED = "declared";

    /** Made by the container. */
    public StartupCheck() {
    }

    @Override
    public void observe(EventContext<Startup> event, Parameters params) {
        String[] sites = params.get(SITES, String[].class);
        Annotation[] connections = params.get(CONNECTIONS, Annotation[].class);
        Class<?>[] declared = params.get(DECLARED, Class[].class);
        ConnectionRegistry registry = LiteRegistry.get();
        List<String> problems = new ArrayList<>();
        List<DeploymentCheck.Outcome> good = new ArrayList<>();
        for (int i = 0; i < sites.length; i++) {
            DeploymentCheck.Outcome outcome = DeploymentCheck.check(registry, (Connection) connections[i], declared[i]);
            String problem = outcome.problem() != null ? outcome.problem() : liteProblem(outcome.resolution());
            if (problem != null) {
                problems.add(DeploymentCheck.problem(sites[i], problem));
            } else {
                good.add(outcome);
            }
        }
        if (!problems.isEmpty()) {
            LiteRegistry.stop();
            throw new DeploymentException(DeploymentCheck.problems(problems));
        }
        good.forEach(o -> registry.declare(o.resolution()));
    }

    /** What a Dependent lookup bean cannot serve: a SESSION handle would never be closed. */
    private static String liteProblem(Resolution r) {
        return r.scope() == ConnectionScope.SESSION ? LiteMessages.sessionTypeInLite(r.name(), r.type()) : null;
    }
}
