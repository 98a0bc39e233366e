package io.cdiconnections.internal.lite;

import java.lang.annotation.Annotation;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.declarations.ClassInfo;

import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.Connections;
import io.cdiconnections.internal.cdi.ConnectionExtension;
import io.cdiconnections.internal.cdi.DeploymentCheck;
import io.cdiconnections.internal.cdi.LookupBeans;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;

/**
 * The CDI Lite (build-compatible) extension of cdi-connections, for containers that run no
 * portable extension (Quarkus). It only reacts to the build phases: collects every
 * {@code @Connection} injection point of every bean, adds one {@code @Dependent} lookup bean per
 * connection type asked for (and the injectable {@link Connections}), rejects at build time a
 * qualifier whose arguments do not parse, and checks every injection point at startup against the
 * runtime configuration ({@link StartupCheck}).
 *
 * <p>Lite cannot replace an injection point's qualifiers outside {@code @Enhancement}, and every
 * member of {@code @Connection} is {@code @Nonbinding}, so one bean per type serves all
 * injection points of that type and reads each one's qualifier, as the portable extension's
 * lookup beans do; the registry still gives one shared handle per distinct request. Skipped where
 * {@link ConnectionExtension} runs (Weld translates build-compatible extensions in CDI Full):
 * that one also sees injection points made after deployment and the application's class loaders.
 */
@SkipIfPortableExtensionPresent(ConnectionExtension.class)
public class ConnectionBuildExtension implements BuildCompatibleExtension {

    private final InjectionSites sites = new InjectionSites();

    /** Made by the container. */
    public ConnectionBuildExtension() {
    }

    /**
     * @return the registry of the running application, or null before its first connection and
     *         after it stopped (the readiness check reads it)
     */
    public static ConnectionRegistry registry() {
        return LiteRegistry.current();
    }

    /** @param bean every bean: its {@code @Connection} injection points are collected */
    @Registration(types = Object.class)
    public void collectConnectionInjectionPoints(BeanInfo bean) {
        for (InjectionPointInfo ip : bean.injectionPoints()) {
            sites.add(ip);
        }
    }

    /** @param components where the lookup beans and the startup and shutdown observers go */
    @Synthesis
    public void registerConnectionBeans(SyntheticComponents components) {
        for (ClassInfo type : sites.beanTypes().values()) {
            lookupBean(components).type(type);
        }
        for (Class<?> type : LookupBeans.builtInTypes()) {
            if (!sites.beanTypes().containsKey(type.getName())) {
                lookupBean(components).type(type);
            }
        }
        components.addBean(Connections.class).type(Connections.class).qualifier(Default.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(ConnectionsCreator.class);
        List<InjectionSites.Site> found = sites.sites();
        components.addObserver(Startup.class).declaringClass(ConnectionBuildExtension.class)
                .withParam(StartupCheck.SITES, found.stream().map(InjectionSites.Site::name).toArray(String[]::new))
                .withParam(StartupCheck.CONNECTIONS, found.stream().map(InjectionSites.Site::connection)
                        .toArray(Annotation[]::new))
                .withParam(StartupCheck.DECLARED, found.stream().map(InjectionSites.Site::declared)
                        .toArray(ClassInfo[]::new))
                .observeWith(StartupCheck.class);
        components.addObserver(Shutdown.class).declaringClass(ConnectionBuildExtension.class)
                .observeWith(ShutdownClose.class);
    }

    /** @return a {@code @Dependent} bean qualified {@code @Connection} that asks the registry; its type to add */
    private static SyntheticBeanBuilder<Object> lookupBean(SyntheticComponents components) {
        return components.addBean(Object.class).qualifier(Connection.Literal.of("")).scope(Dependent.class)
                .createWith(HandleCreator.class);
    }

    /**
     * What can be known without the runtime configuration: each qualifier's arguments parse
     * (name, ttl, maxEntries, options). The build fails with every such problem.
     *
     * @param messages where the problems go
     */
    @Validation
    public void validateInjectionPoints(Messages messages) {
        for (InjectionSites.Site site : sites.sites()) {
            try {
                ConnectionRequest.of(site.connection());
            } catch (ConnectionException e) {
                messages.error(DeploymentCheck.problem(site.name(), e.getMessage()));
            }
        }
    }
}
